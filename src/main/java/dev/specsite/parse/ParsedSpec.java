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
 * @param bodyIds     every {@code id} the body HTML holds (anchors a link may name), read once here
 */
public record ParsedSpec(Spec spec, String html, List<Diagnostic> diagnostics, java.util.Set<String> bodyIds) implements java.io.Serializable {

    public ParsedSpec {
        diagnostics = List.copyOf(diagnostics);
        bodyIds = java.util.Set.copyOf(bodyIds);
    }

    /** A parse result whose body ids are read from its HTML (headings, requirements, questions, raw HTML). */
    public ParsedSpec(Spec spec, String html, List<Diagnostic> diagnostics) {
        this(spec, html, diagnostics, idsOf(html));
    }

    /** The values of {@code id="…"} attributes (after white space, not empty); a scan, not a regular expression. */
    private static java.util.Set<String> idsOf(String html) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = html.indexOf("id=\""); i >= 0; i = html.indexOf("id=\"", i + 1)) {
            int start = i + 4;
            int end = html.indexOf('"', start);
            if (end > start && i > 0 && Values.isSpace(html.charAt(i - 1))) {
                ids.add(html.substring(start, end));
                i = end;
            }
        }
        return ids;
    }
}
