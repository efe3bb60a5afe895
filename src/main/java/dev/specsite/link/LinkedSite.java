package dev.specsite.link;

import java.util.List;

import dev.specsite.diag.Diagnostic;

/**
 * The output of the link stage: every spec resolved, sorted by id, and the files to copy.
 *
 * @param specs       specs sorted by id
 * @param files       source paths of non-Markdown files the specs reference, to copy
 * @param diagnostics diagnostics that belong to no spec (scan problems)
 * @param redirects   redirect pages (former ids and pages, short paths), sorted by path
 */
public record LinkedSite(List<LinkedSpec> specs, List<String> files, List<Diagnostic> diagnostics,
                         List<Redirect> redirects) {
    public LinkedSite {
        specs = List.copyOf(specs);
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
        redirects = List.copyOf(redirects);
    }

    /** The same site without redirects (for callers that predate them). */
    public LinkedSite(List<LinkedSpec> specs, List<String> files, List<Diagnostic> diagnostics) {
        this(specs, files, diagnostics, List.of());
    }



    /** Every diagnostic of the build, sorted. */
    public List<Diagnostic> allDiagnostics() {
        List<Diagnostic> all = new java.util.ArrayList<>(diagnostics);
        specs.forEach(s -> all.addAll(s.diagnostics()));
        all.sort(Diagnostic.ORDER);
        return all;
    }
}
