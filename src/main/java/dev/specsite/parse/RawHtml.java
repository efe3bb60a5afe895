package dev.specsite.parse;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Document.OutputSettings;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * The raw HTML of a spec made safe: which elements and attributes it may keep, the cleaning of a
 * body that holds raw HTML, and a diagnostic for every part the cleaning removes.
 *
 * <p>The link stage fills the placeholders {@code href="specsite:link/N"} and
 * {@code <specsite-ref data-i="N">} in the body. An author must not be able to write one: in a
 * body with raw HTML the renderer writes them with a secret marker instead ({@link #linkPrefix},
 * {@link #refTag}), the safelist allows only the marked forms, and after cleaning the marked forms
 * become the plain ones. The marker is random for each parser and never reaches the output.
 * A relative {@code href} or {@code src} that raw HTML keeps becomes a link placeholder too, so that
 * the link stage resolves it like a Markdown link, reporting where it is written.
 *
 * <p>The author's anchors ({@code id}, {@code name} on {@code a}) are kept by the rules of
 * {@link AuthorAnchors}. To tell them from the ids specsite writes (headings, requirements,
 * questions), a body with raw HTML is rendered with the secret marker before each of specsite's ids
 * ({@link #idMarker}); the cleaning takes it off.
 * Immutable and shared by all threads.
 */
final class RawHtml {

    /** The base URL the cleaning resolves relative URLs against (only to check their protocol). */
    private static final String BASE = "https://specsite.invalid/";
    private final String linkPrefix;
    private final String refTag;
    private final String idMarker;
    private final Safelist safelist;

    RawHtml() {
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        String marker = HexFormat.of().formatHex(secret);
        this.linkPrefix = "specsite-" + marker + ":link/";
        this.refTag = "specsite-ref-" + marker;
        this.idMarker = "specsite-" + marker + "-id-";
        this.safelist = Safelist.relaxed()
                .addTags("details", "summary", "figure", "figcaption", "kbd", "sup", "sub", "mark", "del", "ins",
                        "abbr", "input", refTag, "hr", "s", "var", "samp", "dfn", "small", "section", "span", "div")
                .addAttributes(":all", "id", "class", "title", "align", "lang", "dir")
                .addAttributes(refTag, "data-i")
                .addAttributes("a", "name")
                .addAttributes("input", "type", "checked", "disabled", "readonly")
                .addAttributes("details", "open")
                .addAttributes("th", "scope").addAttributes("td", "scope")
                .addProtocols("a", "href", "specsite-" + marker, "#")
                .addProtocols("img", "src", "specsite-" + marker)
                .preserveRelativeLinks(true);
    }

    /** The URL prefix of a link placeholder in a body with raw HTML (then {@code N} follows). */
    String linkPrefix() {
        return linkPrefix;
    }

    /** The tag name of a mention placeholder in a body with raw HTML. */
    String refTag() {
        return refTag;
    }

    /** What is written before each id specsite gives an element, in a body with raw HTML. */
    String idMarker() {
        return idMarker;
    }

    /** A relative URL of raw HTML that the cleaning keeps: its attribute, its value, where it is written. */
    record Url(String attribute, String value, int offset, Node node) {
    }

    /**
     * The rendered body of a spec with raw HTML, cleaned, its marked placeholders made plain. Each
     * relative URL left is matched with the first of {@code urls} of the same attribute and value not
     * yet used, and replaced by the placeholder {@code placeholder} gives (those not found are
     * left to the link stage's rewriting of raw HTML). A plain placeholder left after cleaning can
     * only be the author's text (the cleaning removed the tag and the URLs it could stand in):
     * {@link #quoteLookalikes} makes the link stage leave it. specsite's ids lose their marker; the
     * author's anchors are made safe and unique by {@code anchors}.
     */
    String clean(String html, List<Url> urls, ToIntFunction<Url> placeholder, AuthorAnchors anchors) {
        // Jsoup.clean, with the relative URLs replaced and the anchors settled before the cleaned body is written
        Document clean = new Cleaner(safelist).clean(Jsoup.parseBodyFragment(html, BASE));
        clean.outputSettings(new OutputSettings().prettyPrint(false));
        boolean[] used = new boolean[urls.size()];
        for (Element e : clean.body().getAllElements()) {
            String id = e.attr("id");
            if (id.startsWith(idMarker)) {
                e.attr("id", id.substring(idMarker.length()));
            } else if (!id.isEmpty() || e.hasAttr("id") || e.hasAttr("name")) {
                anchors.apply(e);
            }
            if (urls.isEmpty()) {
                continue;
            }
            for (Attribute a : e.attributes()) {
                if (isRelative(a.getKey(), a.getValue())) {
                    int i = find(urls, used, a.getKey(), a.getValue());
                    if (i >= 0) {
                        used[i] = true;
                        a.setValue(linkPrefix + placeholder.applyAsInt(urls.get(i)));
                    }
                }
            }
        }
        return quoteLookalikes(clean.body().html()).replace(linkPrefix, Markdown.LINK_PLACEHOLDER)
                .replace("<" + refTag + " ", "<specsite-ref ")
                .replace("</" + refTag + ">", "</specsite-ref>");
    }

    /**
     * Cleaned HTML with the quote of each {@code href="} and {@code src="} in its text (not in a tag)
     * written {@code &quot;}: shown alike, but neither a placeholder to the link stage nor a raw
     * link to rewrite. jsoup escapes {@code <} in text and {@code >} in attribute values, so a tag
     * is what lies between a {@code <} and the next {@code >}.
     */
    static String quoteLookalikes(String html) {
        StringBuilder sb = null;
        int copied = 0;
        boolean inTag = false;
        for (int i = 0, n = html.length(); i < n; i++) {
            char c = html.charAt(i);
            if (inTag) {
                inTag = c != '>';
            } else if (c == '<') {
                inTag = true;
            } else if (c == '"' && (html.startsWith("href=", i - 5) || html.startsWith("src=", i - 4))) {
                if (sb == null) {
                    sb = new StringBuilder(html.length() + 16);
                }
                sb.append(html, copied, i).append("&quot;");
                copied = i + 1;
            }
        }
        return sb == null ? html : sb.append(html, copied, html.length()).toString();
    }

    /** The index of the first unused URL of this attribute and value, or -1. */
    private static int find(List<Url> urls, boolean[] used, String attribute, String value) {
        for (int i = 0; i < used.length; i++) {
            Url u = urls.get(i);
            if (!used[i] && u.attribute().equals(attribute) && u.value().equals(value)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether an attribute holds a URL the link stage resolves: a relative {@code href} or {@code src}. */
    private static boolean isRelative(String attribute, String value) {
        return (attribute.equals("href") || attribute.equals("src")) && !value.isEmpty() && !value.startsWith("#")
                && !value.startsWith("//") && !LinkCollector.SCHEME.matcher(value).find();
    }

    /** Where the check of raw HTML reports what the cleaning removes. */
    interface Removals {
        /** The cleaning removes something written at {@code offset} of the Markdown body. */
        void removed(int offset, String message);
    }

    /**
     * Reports each element, attribute and URL of one piece of raw HTML (an HTML block's content or
     * an inline tag, {@code chars} of the node {@code from}) that the cleaning removes, at the offset
     * where it is written, adds each relative URL it keeps to {@code urls} and tells {@code anchors}
     * where each anchor attribute is written.
     */
    void check(Node from, BasedSequence chars, Removals out, List<Url> urls, AuthorAnchors anchors) {
        String text = Sequences.string(chars);
        if (text.indexOf('<') < 0) {
            return;
        }
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        List<org.jsoup.nodes.Node> nodes = parser.parseFragmentInput(text, new Element("body"), BASE);
        for (org.jsoup.nodes.Node node : nodes) {
            if (node instanceof Element top) {
                for (Element e : top.getAllElements()) {
                    check(e, from, chars, out, urls, anchors);
                }
            }
        }
    }

    private void check(Element e, Node from, BasedSequence chars, Removals out, List<Url> urls, AuthorAnchors anchors) {
        Range range = e.sourceRange();
        if (!range.isTracked() || range.isImplicit()) {
            return; // made by the parser, not written
        }
        String tag = e.normalName();
        if (!safelist.isSafeTag(tag)) {
            out.removed(offset(chars, range.startPos()), "removed <" + tag + "> element");
            return;
        }
        for (Attribute a : e.attributes()) {
            Range.AttributeRange where = a.sourceRange();
            if (safelist.isSafeAttribute(tag, e, a)) {
                if (AuthorAnchors.isAnchor(tag, a.getKey())) {
                    int at = where.valueRange().isTracked() ? where.valueRange().startPos() : where.nameRange().startPos();
                    anchors.written(a.getKey(), a.getValue(), offset(chars, at));
                }
                if (isRelative(a.getKey(), a.getValue())) {
                    int at = where.valueRange().isTracked() ? where.valueRange().startPos() : where.nameRange().startPos();
                    urls.add(new Url(a.getKey(), a.getValue(), offset(chars, at), from));
                }
                continue;
            }
            if (isUrlAttribute(tag, a.getKey())) {
                // browsers drop tabs and line breaks from a URL, and spaces around it
                Matcher m = LinkCollector.SCHEME.matcher(a.getValue().replaceAll("[\\t\\n\\r]", "").strip());
                String what = m.find() ? m.group(1).toLowerCase(Locale.ROOT) + ": URL" : "unsafe URL";
                int at = where.valueRange().isTracked() ? where.valueRange().startPos() : where.nameRange().startPos();
                out.removed(offset(chars, at), "removed " + what + " from the " + a.getKey() + " attribute");
            } else {
                out.removed(offset(chars, where.nameRange().startPos()), "removed " + a.getKey() + " attribute");
            }
        }
    }

    /** Whether an attribute is allowed on the tag with a safe URL (so that its URL is what was refused). */
    private boolean isUrlAttribute(String tag, String key) {
        Element probe = new Element(tag).attr(key, BASE);
        return safelist.isSafeAttribute(tag, probe, probe.attribute(key));
    }

    /** The body offset of a position in {@code chars} (which may skip block quote markers and indents). */
    private static int offset(BasedSequence chars, int index) {
        int at = index < chars.length() ? chars.getIndexOffset(index) : -1;
        return at >= 0 ? at : chars.getStartOffset();
    }
}
