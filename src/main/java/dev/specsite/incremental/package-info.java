/**
 * Incremental builds: the {@link dev.specsite.incremental.Snapshot} one build leaves for the next
 * (the only state kept between builds), the {@link dev.specsite.incremental.ChangeSet} the scan
 * finds against it, and the snapshot on disk for the command line
 * ({@link dev.specsite.incremental.BuildCache}: sharded, checksummed, read in parallel). A long-lived
 * builder and the command line take the same path: a snapshot in, the stages, a snapshot out.
 * Imports the stages' state types (model, scan, parse, link, index, render); imported by the facade.
 */
package dev.specsite.incremental;
