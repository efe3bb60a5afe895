/**
 * Stage 4, index: taxonomies (status), recent specs, the open-question index and totals.
 * May import {@code model}, {@code diag}, {@code config}, {@code link}.
 */
package dev.specsite.index;
