/**
 * Stage 2, parse: front matter, metadata in every style, title and id, sections, requirements,
 * checklists, open questions, approvals and links, from one flexmark parse per file, plus the body
 * HTML. May import {@code model}, {@code diag}, {@code config}.
 */
package dev.specsite.parse;
