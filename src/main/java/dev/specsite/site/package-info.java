/**
 * Stage 6 and the facade: {@link dev.specsite.site.SiteBuilder} runs the pipeline from the
 * {@link dev.specsite.incremental.Snapshot} of the last build to the next one;
 * {@link dev.specsite.site.SiteWriter} writes only changed files and only inside the output folder.
 * May import every stage.
 */
package dev.specsite.site;
