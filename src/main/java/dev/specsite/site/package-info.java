/**
 * Stage 6 and the facade: {@link dev.specsite.site.SiteBuilder} runs the pipeline,
 * {@link dev.specsite.site.SiteWriter} writes only changed files and only inside the output folder,
 * {@link dev.specsite.site.BuildCache} keeps what the next build can reuse.
 * May import every stage.
 */
package dev.specsite.site;
