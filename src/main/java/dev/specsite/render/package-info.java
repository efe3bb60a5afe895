/**
 * Stage 5, render: one class per page kind ({@link dev.specsite.render.HomePage},
 * {@link dev.specsite.render.SpecPage}, {@link dev.specsite.render.StatusPage},
 * {@link dev.specsite.render.QuestionsPage}, {@link dev.specsite.render.SpecsApi}), FreeMarker
 * templates of the theme, view records, and the body HTML of each spec made from the link stage's
 * resolutions ({@link dev.specsite.render.BodyHtml}). Renders into memory only.
 * May import {@code model}, {@code diag}, {@code config}, {@code link}, {@code index}.
 */
package dev.specsite.render;
