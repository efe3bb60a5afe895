/**
 * Stage 4, index: taxonomies (status, owner, tag), recent specs, the open-question index,
 * staleness, requirement and approval roll-ups, the timeline and problems by file — every grouping
 * and count the dashboards show, computed in Java. Checks that need the whole picture (sign-offs
 * against status, declared dates against Git) add their diagnostics here.
 * May import {@code model}, {@code diag}, {@code config}, {@code scan} (Git dates), {@code link}.
 */
package dev.specsite.index;
