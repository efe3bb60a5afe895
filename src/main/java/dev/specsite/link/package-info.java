/**
 * Stage 3, link: unique ids and pages ({@link dev.specsite.link.Urls} owns every URL), resolution
 * of relative links, Git host and site URLs and id mentions (patterns from
 * {@link dev.specsite.config.MentionRules}, spec numbers from file names), backlinks, relations,
 * broken-link diagnostics, and the redirects of permalinks (aliases, renames, short paths). Each link
 * and mention resolves to a {@link dev.specsite.link.Resolved}: data, no HTML (the render stage writes it).
 * Pure: no I/O; renames found in git history come in from the site stage.
 * May import {@code model}, {@code diag}, {@code config}, {@code parse}.
 */
package dev.specsite.link;
