/**
 * Stage 1, scan: walks the source tree and reads Markdown files safely.
 * May import {@code model}, {@code diag}, {@code config}.
 */
package dev.specsite.scan;
