/**
 * Stage 2, parse: front matter and metadata sidecars, metadata in every style, title and id,
 * sections, requirements, checklists, open questions, approvals, user stories, risks, related
 * documents and links, from one flexmark parse per file, plus the body HTML. Bad input never
 * throws: it becomes diagnostics. May import {@code model}, {@code diag}, {@code config}.
 */
package dev.specsite.parse;
