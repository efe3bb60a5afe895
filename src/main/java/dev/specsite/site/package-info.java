/**
 * Stage 6 and the facade: {@link dev.specsite.site.SiteBuilder} runs the pipeline,
 * {@link dev.specsite.site.SiteWriter} writes only changed files and only inside the output folder,
 * {@code GitHistory} reads renames of spec files with one {@code git log} pass.
 * May import every stage.
 */
package dev.specsite.site;
