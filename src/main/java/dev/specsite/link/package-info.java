/**
 * Stage 3, link: unique ids and pages ({@link dev.specsite.link.Urls} owns every URL), resolution
 * of relative links and id mentions, backlinks, relations, broken-link diagnostics.
 * May import {@code model}, {@code diag}, {@code config}, {@code parse}.
 */
package dev.specsite.link;
