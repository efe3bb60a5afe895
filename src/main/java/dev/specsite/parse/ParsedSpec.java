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
    private static final java.util.regex.Pattern BODY_ID = java.util.regex.Pattern.compile("\\sid=\"([^\"]+)\"");

    public ParsedSpec {
        diagnostics = List.copyOf(diagnostics);
        bodyIds = java.util.Set.copyOf(bodyIds);
    }

    /** A parse result whose body ids are read from its HTML (headings, requirements, questions, raw HTML). */
    public ParsedSpec(Spec spec, String html, List<Diagnostic> diagnostics) {
        this(spec, html, diagnostics, idsOf(html));
    }

    private static java.util.Set<String> idsOf(String html) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.regex.Matcher m = BODY_ID.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
