package dev.specsite.site;

import java.nio.file.Path;
import java.util.List;

import dev.specsite.diag.Diagnostic;
import dev.specsite.diag.Severity;
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
 */
public record BuildResult(Path outputDir, SiteIndex index, List<Diagnostic> diagnostics, int written, int unchanged,
                          int deleted, long millis, boolean wrote) {
    public BuildResult {
        diagnostics = List.copyOf(diagnostics);
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
