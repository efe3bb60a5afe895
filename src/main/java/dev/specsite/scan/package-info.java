/**
 * Stage 1, scan: walks the source tree and reads Markdown files safely, each with the metadata
 * sidecar files ({@code specsite.metadata.sidecar}) that apply to it;
 * {@link dev.specsite.scan.GitDates} reads what Git knows of the files, in one pass.
 * May import {@code model}, {@code diag}, {@code config}.
 */
package dev.specsite.scan;
