/**
 * Stage 2, parse: front matter and metadata sidecars, metadata in every style, title and id,
 * sections, requirements, checklists, open questions, approvals, user stories, risks, related
 * documents and links, from one flexmark parse per file, plus the body HTML. Bad input never
 * throws: it becomes diagnostics. May import {@code model}, {@code diag}, {@code config}.
 *
 * <p>{@link dev.specsite.parse.SpecParser} runs a {@link dev.specsite.parse.ParseRun} per file: metadata
 * readers, the title reader, then one walk of the tree that hands each node to the section rules
 * registered in {@link dev.specsite.parse.Rules} (docs/adding-a-rule.md shows how to add one).
 */
package dev.specsite.parse;
