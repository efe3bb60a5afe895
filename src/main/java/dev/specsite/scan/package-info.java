/**
 * Stage 1, scan: walks the source tree and reads Markdown files safely, each with the metadata
 * sidecar files ({@code specsite.metadata.sidecar}) that apply to it.
 * May import {@code model}, {@code diag}, {@code config}.
 */
package dev.specsite.scan;
