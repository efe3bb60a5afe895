package dev.specsite.scan;

import java.util.List;
import java.util.Map;

import dev.specsite.diag.Diagnostic;
import dev.specsite.model.SourceFile;

/**
 * What the scan found.
 *
 * @param specs       Markdown files, sorted by path
 * @param otherFiles  every other regular file of the source tree (images, attachments), relative, sorted
 * @param diagnostics problems met while reading
 * @param stamps      the stamps of the Markdown files without sidecars, for the next scan
 */
public record ScanResult(List<SourceFile> specs, List<String> otherFiles, List<Diagnostic> diagnostics,
                         Map<String, Scanner.Stamp> stamps) {
    public ScanResult {
        specs = List.copyOf(specs);
        otherFiles = List.copyOf(otherFiles);
        diagnostics = List.copyOf(diagnostics);
        stamps = java.util.Collections.unmodifiableMap(stamps); // the scan's own map, not changed after
    }

    /** A scan without stamps. */
    public ScanResult(List<SourceFile> specs, List<String> otherFiles, List<Diagnostic> diagnostics) {
        this(specs, otherFiles, diagnostics, Map.of());
    }
}
