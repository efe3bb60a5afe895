package dev.specsite.scan;

import java.util.List;

import dev.specsite.diag.Diagnostic;
import dev.specsite.model.SourceFile;

/**
 * What the scan found.
 *
 * @param specs       Markdown files, sorted by path
 * @param otherFiles  every other regular file of the source tree (images, attachments), relative, sorted
 * @param diagnostics problems met while reading
 */
public record ScanResult(List<SourceFile> specs, List<String> otherFiles, List<Diagnostic> diagnostics) {
    public ScanResult {
        specs = List.copyOf(specs);
        otherFiles = List.copyOf(otherFiles);
        diagnostics = List.copyOf(diagnostics);
    }
}
