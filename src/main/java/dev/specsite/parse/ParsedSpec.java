package dev.specsite.parse;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.specsite.diag.Diagnostic;
import dev.specsite.model.OpenQuestion;
import dev.specsite.model.Requirement;
import dev.specsite.model.Section;
import dev.specsite.model.Spec;

/**
 * The output of parsing one file: the spec's data, its body as HTML (with link placeholders for
 * the link stage) and what was found wrong. The Markdown tree is not kept: it was used once.
 * <p>
 * Immutable. The build cache keeps parse results without their HTML (two thirds of their size)
 * unless the link stage needs it, which is when the body has raw HTML links ({@link #rawLinks()}):
 * a parse result read from the cache may have no HTML ({@link #hasHtml()}), and the build parses
 * the file again for the pages it renders before the render stage runs.
 */
public final class ParsedSpec {

    private final Spec spec;
    private final String html;
    private final List<Diagnostic> diagnostics;
    private final Set<String> anchors;
    private final boolean rawLinks;

    /**
     * @param spec        the data
     * @param html        the body HTML, title and consumed metadata lines removed
     * @param diagnostics problems found in this file
     * @param bodyIds     every {@code id} the body HTML holds, read once here
     */
    public ParsedSpec(Spec spec, String html, List<Diagnostic> diagnostics, Set<String> bodyIds) {
        this(spec, Objects.requireNonNull(html), diagnostics, anchorsOf(spec, bodyIds), hasRawLinks(html));
    }

    /** A parse result whose body ids are read from its HTML (headings, requirements, questions, raw HTML). */
    public ParsedSpec(Spec spec, String html, List<Diagnostic> diagnostics) {
        this(spec, html, diagnostics, idsOf(html));
    }

    private ParsedSpec(Spec spec, String html, List<Diagnostic> diagnostics, Set<String> anchors, boolean rawLinks) {
        this.spec = spec;
        this.html = html;
        this.diagnostics = List.copyOf(diagnostics);
        this.anchors = Set.copyOf(anchors);
        this.rawLinks = rawLinks;
    }

    /**
     * The anchors of a spec's page: its title, sections, requirements and questions, {@code top}, and
     * every id in its body (the author's anchors of raw HTML among them).
     */
    private static Set<String> anchorsOf(Spec s, Set<String> bodyIds) {
        Set<String> a = new HashSet<>(bodyIds);
        for (Section sec : s.sections()) {
            a.add(sec.anchor());
        }
        for (Requirement r : s.requirements()) {
            a.add(r.anchor());
        }
        for (OpenQuestion q : s.questions()) {
            a.add(q.anchor());
        }
        a.add("top");
        if (!s.titleAnchor().isEmpty()) {
            a.add(s.titleAnchor());
        }
        return a;
    }

    public Spec spec() {
        return spec;
    }

    /** The body HTML; {@code null} when this result came from the build cache without it ({@link #hasHtml()}). */
    public String html() {
        return html;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * Every anchor a link into this spec may name (see {@code anchorsOf}): made once per parse, as
     * the link stage's lookup tables need it for every spec in every full run.
     */
    public Set<String> anchors() {
        return anchors;
    }

    /**
     * Whether the body has a relative {@code href} or {@code src} outside the link placeholders
     * (raw HTML, which the link stage rewrites); without one, the link stage need not read the body.
     */
    public boolean rawLinks() {
        return rawLinks;
    }

    /** Whether the HTML is at hand (not to be made again). */
    public boolean hasHtml() {
        return html != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParsedSpec p && spec.equals(p.spec) && diagnostics.equals(p.diagnostics)
                && anchors.equals(p.anchors) && Objects.equals(html, p.html);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }

    @Override
    public String toString() {
        return "ParsedSpec[" + spec.source() + "]";
    }

    /** A parse result as the build cache keeps it: {@code html} only when it has raw links, else {@code null}. */
    public static ParsedSpec stored(Spec spec, List<Diagnostic> diagnostics, Set<String> anchors, boolean rawLinks,
                                    String html) {
        return new ParsedSpec(spec, html, diagnostics, anchors, rawLinks);
    }

    /**
     * The values of {@code id="…"} attributes, and of {@code name="…"} (an author's second anchor on
     * an {@code a} that has an id), after white space, not empty; a scan, not a regular expression.
     */
    private static Set<String> idsOf(String html) {
        Set<String> ids = new HashSet<>();
        valuesOf(html, "id=\"", ids);
        if (html.contains(" name=\"")) {
            valuesOf(html, "name=\"", ids);
        }
        return ids;
    }

    private static void valuesOf(String html, String attr, Set<String> into) {
        for (int i = html.indexOf(attr); i >= 0; i = html.indexOf(attr, i + 1)) {
            int start = i + attr.length();
            int end = html.indexOf('"', start);
            if (end > start && i > 0 && Values.isSpace(html.charAt(i - 1))) {
                into.add(html.substring(start, end));
                i = end;
            }
        }
    }

    /** Whether the HTML has a relative {@code href} or {@code src} (see {@link #rawLinks()}). */
    private static boolean hasRawLinks(String html) {
        return hasRelativeAttribute(html, "href=\"") || hasRelativeAttribute(html, "src=\"");
    }

    /** Whether some {@code attr="…"} value is neither an anchor, a placeholder nor an absolute URL (cheap scan). */
    private static boolean hasRelativeAttribute(String html, String attr) {
        for (int i = html.indexOf(attr); i >= 0; i = html.indexOf(attr, i + 1)) {
            int v = i + attr.length();
            if (v >= html.length() || html.charAt(v) == '#' || html.startsWith("specsite:", v)) {
                continue;
            }
            int colon = html.indexOf(':', v);
            int quote = html.indexOf('"', v);
            boolean scheme = colon > v && colon < quote && html.substring(v, colon).matches("[a-zA-Z][a-zA-Z0-9+.-]*");
            if (!scheme && !html.startsWith("//", v)) {
                return true;
            }
        }
        return false;
    }
}
