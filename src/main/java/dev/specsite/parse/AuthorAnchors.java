package dev.specsite.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Element;

import dev.specsite.diag.Diagnostic;

/**
 * The anchors an author writes in raw HTML ({@code <a name="intro">}, {@code id="…"} on any
 * element), kept so that the spec's own links to them work, as they do on GitHub.
 *
 * <p>The rules, applied to the cleaned body in document order:
 * <ul>
 * <li>A value is trimmed; a character that a GitHub heading slug may not hold, other than {@code .},
 *     {@code :} and a {@code %} that starts a percent escape, is percent-encoded (UTF-8), so no value
 *     holds a quote, an angle bracket, an ampersand or white space. An empty value is dropped (it
 *     names no anchor); one longer than {@value #MAX_LENGTH} characters is dropped with
 *     {@code unsafe-html}.</li>
 * <li>{@code name} on {@code a} becomes the element's {@code id}; when the element has an id too,
 *     the name stays a {@code name} (browsers scroll to either), or goes when it equals the id.</li>
 * <li>An anchor the page already has from specsite (a heading's or the title's slug, a
 *     requirement's or question's anchor, an id the theme writes around the body such as {@code top})
 *     wins: the author's is dropped with {@code anchor-taken} (info), and links to it reach that one.</li>
 * <li>An anchor the author already gave earlier in the page is dropped with {@code duplicate-anchor}
 *     (warning): a browser, and GitHub, go to the first.</li>
 * </ul>
 * Every anchor kept is an anchor of the page for the link stage. One instance serves one document.
 */
final class AuthorAnchors {

    /** The longest anchor value kept. */
    static final int MAX_LENGTH = 512;

    /** The ids the default theme's spec page writes around the body (AuthorAnchorsTest keeps this in step). */
    static final Set<String> PAGE_IDS = Set.of("top", "main", "requirements-list", "approvals-list",
            "user-stories-list", "risks-list", "related-documents-list", "open-questions-list", "relation-graph",
            "graph-arrow", "relation-graph-caption", "relations", "referenced-by");

    private final ParseContext cx;
    /** Where each attribute value was written: its offsets in the body, in order, by attribute and value. */
    private final Map<String, ArrayDeque<Integer>> written = new HashMap<>();
    /** The anchors specsite gives the page. */
    private Set<String> generated = Set.of();
    /** The author's anchors kept so far. */
    private final Set<String> kept = new HashSet<>();

    AuthorAnchors(ParseContext cx) {
        this.cx = cx;
    }

    /** Whether an attribute of an element is an author's anchor: {@code id}, or {@code name} on {@code a}. */
    static boolean isAnchor(String tag, String attribute) {
        return attribute.equals("id") || attribute.equals("name") && tag.equals("a");
    }

    /** Records where an anchor attribute's value is written (offset in the body), for the diagnostics. */
    void written(String attribute, String value, int offset) {
        written.computeIfAbsent(attribute + '\0' + value, k -> new ArrayDeque<>()).add(offset);
    }

    /** The anchors specsite gives the page, which an author's anchor may not take. */
    void generated(Set<String> ids) {
        generated = ids;
    }

    /** Makes the author's anchors of a cleaned element safe and unique (its own id, written by specsite, already taken off). */
    void apply(Element e) {
        String ownId = e.hasAttr("id") ? safe(e.attr("id")) : null;
        if (e.hasAttr("id")) {
            String id = e.attr("id");
            String safe = decide("id", id);
            if (safe == null) {
                e.removeAttr("id");
            } else {
                e.attr("id", safe);
            }
        }
        if (e.normalName().equals("a") && e.hasAttr("name")) {
            String name = e.attr("name");
            e.removeAttr("name");
            String safe = safe(name);
            if (safe.isEmpty() || safe.equals(ownId)) {
                where("name", name); // the same anchor as the id, or none
                return;
            }
            safe = decide("name", name);
            if (safe != null) {
                e.attr(e.hasAttr("id") ? "name" : "id", safe);
            }
        }
    }

    /** The value an anchor keeps, or {@code null} when it is dropped (with its diagnostic). */
    private String decide(String attribute, String value) {
        int at = where(attribute, value);
        if (value.length() > MAX_LENGTH) {
            report(at, Diagnostic.warning(cx.path, 0, 0, "unsafe-html",
                    "removed " + attribute + " attribute: longer than " + MAX_LENGTH + " characters",
                    "write a shorter anchor"));
            return null;
        }
        String safe = safe(value);
        if (safe.isEmpty()) {
            return null;
        }
        if (generated.contains(safe)) {
            report(at, Diagnostic.info(cx.path, 0, 0, "anchor-taken",
                    "the anchor '" + safe + "' is one the page already has (a heading's, the title's or specsite's):"
                            + " links to #" + safe + " go there",
                    "remove this anchor, or give it another name"));
            return null;
        }
        if (!kept.add(safe)) {
            report(at, Diagnostic.warning(cx.path, 0, 0, "duplicate-anchor",
                    "the anchor '" + safe + "' is given twice: this one is dropped, links go to the first",
                    "give each anchor its own name"));
            return null;
        }
        return safe;
    }

    /** The body offset where this attribute value was written (the next one not yet taken), or -1. */
    private int where(String attribute, String value) {
        ArrayDeque<Integer> offsets = written.get(attribute + '\0' + value);
        Integer at = offsets == null ? null : offsets.poll();
        return at == null ? -1 : at;
    }

    private void report(int offset, Diagnostic d) {
        int line = offset < 0 ? 1 : cx.lineOf(offset);
        int column = offset < 0 ? 1 : cx.column(offset);
        cx.diags.add(new Diagnostic(d.file(), line, column, d.severity(), d.code(), d.message(), d.hint()));
    }

    /**
     * An anchor value as kept: trimmed; each character a GitHub slug may not hold, but {@code .},
     * {@code :} and the {@code %} of a percent escape, percent-encoded as UTF-8.
     */
    static String safe(String value) {
        String s = value.strip();
        StringBuilder sb = null;
        for (int i = 0, n = s.length(); i < n; ) {
            int c = s.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean ok = c == '.' || c == ':' || GitHubSlugs.kept(c)
                    || c == '%' && i + 2 < n && hex(s.charAt(i + 1)) && hex(s.charAt(i + 2));
            if (!ok && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (ok) {
                    sb.appendCodePoint(c);
                } else {
                    for (byte b : s.substring(i, next).getBytes(StandardCharsets.UTF_8)) {
                        sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                                .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                    }
                }
            }
            i = next;
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
