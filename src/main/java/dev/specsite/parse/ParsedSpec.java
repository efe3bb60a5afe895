package dev.specsite.parse;

import java.util.List;

import dev.specsite.diag.Diagnostic;
import dev.specsite.model.Spec;

/**
 * The output of parsing one file: the spec's data, its body as HTML (with link placeholders for
 * the link stage) and what was found wrong. The Markdown tree is not kept: it was used once.
 *
 * @param spec        the data
 * @param html        the body HTML, title and consumed metadata lines removed
 * @param diagnostics problems found in this file
 */
public record ParsedSpec(Spec spec, String html, List<Diagnostic> diagnostics) implements java.io.Serializable {
    public ParsedSpec {
        diagnostics = List.copyOf(diagnostics);
    }
}
