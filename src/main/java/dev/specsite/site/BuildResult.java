package dev.specsite.site;

import java.nio.file.Path;
import java.util.List;

import dev.specsite.diag.Diagnostic;
import dev.specsite.diag.Severity;
import dev.specsite.incremental.ChangeSet;
import dev.specsite.index.SiteIndex;

/**
 * What a build did.
 *
 * @param outputDir   where the site is
 * @param index       the site's index (specs, groups, totals)
 * @param diagnostics every diagnostic, sorted
 * @param written     files written because their bytes changed
 * @param unchanged   files left as they were
 * @param deleted     files of an earlier build that are no longer produced, removed
 * @param millis      wall time of the build
 * @param wrote       whether the output folder was written (false for check, or when rendering failed)
 * @param work        what the build made again, stage by stage
 */
public record BuildResult(Path outputDir, SiteIndex index, List<Diagnostic> diagnostics, int written, int unchanged,
                          int deleted, long millis, boolean wrote, Work work) {
    public BuildResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * What a build made again of the snapshot before it (an incremental build's figures; a first
     * build makes everything).
     *
     * @param changes        the spec files the scan found added, changed and removed
     * @param parsed         the source paths parsed (new and changed files, and those whose parse result was gone)
     * @param tablesMade     whether the link stage made its lookup tables anew
     * @param linked         the source paths whose links were resolved anew
     * @param indexCarried   whether the last index was carried over with the changed specs put in place
     * @param rendered       the ids of the specs whose pages were rendered
     * @param othersRendered whether the other pages (dashboards, feeds, JSON, redirects) were rendered
     * @param bodies         the source paths parsed again for their bodies, for pages to render
     */
    public record Work(ChangeSet changes, List<String> parsed, boolean tablesMade, List<String> linked,
                       boolean indexCarried, List<String> rendered, boolean othersRendered, List<String> bodies) {
        public Work {
            parsed = List.copyOf(parsed);
            linked = List.copyOf(linked);
            rendered = List.copyOf(rendered);
            bodies = List.copyOf(bodies);
        }
    }

    /** How many diagnostics have this severity. */
    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }

    /** Whether the build must fail: errors, or warnings too when strict. */
    public boolean failed(boolean strict) {
        return count(Severity.ERROR) > 0 || strict && count(Severity.WARNING) > 0;
    }
}
