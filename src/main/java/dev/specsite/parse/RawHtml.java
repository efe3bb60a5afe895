package dev.specsite.parse;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document.OutputSettings;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

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
 * Immutable and shared by all threads.
 */
final class RawHtml {

    /** The base URL the cleaning resolves relative URLs against (only to check their protocol). */
    private static final String BASE = "https://specsite.invalid/";
    /** A plain link placeholder as it may stand in the text of cleaned HTML ({@code "} is escaped only in attributes). */
    private static final String PLAIN_LINK = "=\"" + Markdown.LINK_PLACEHOLDER;
    /** The same text with its quote written as an entity: shown alike, no placeholder. */
    private static final String PLAIN_LINK_AS_TEXT = "=&quot;" + Markdown.LINK_PLACEHOLDER;

    private final String linkPrefix;
    private final String refTag;
    private final Safelist safelist;

    RawHtml() {
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        String marker = HexFormat.of().formatHex(secret);
        this.linkPrefix = "specsite-" + marker + ":link/";
        this.refTag = "specsite-ref-" + marker;
        this.safelist = Safelist.relaxed()
                .addTags("details", "summary", "figure", "figcaption", "kbd", "sup", "sub", "mark", "del", "ins",
                        "abbr", "input", refTag, "hr", "s", "var", "samp", "dfn", "small", "section", "span", "div")
                .addAttributes(":all", "id", "class", "title", "align", "lang", "dir")
                .addAttributes(refTag, "data-i")
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

    /**
     * The rendered body of a spec with raw HTML, cleaned, its marked placeholders made plain. Any
     * plain placeholder left after cleaning is the author's text (the cleaning removed the tag and
     * the URLs it could stand in): its quote becomes {@code &quot;}, so that the link stage leaves it.
     */
    String clean(String html) {
        String c = Jsoup.clean(html, BASE, safelist, new OutputSettings().prettyPrint(false));
        if (c.contains(PLAIN_LINK)) {
            c = c.replace(PLAIN_LINK, PLAIN_LINK_AS_TEXT);
        }
        return c.replace(linkPrefix, Markdown.LINK_PLACEHOLDER)
                .replace("<" + refTag + " ", "<specsite-ref ")
                .replace("</" + refTag + ">", "</specsite-ref>");
    }

    /** Where the check of raw HTML reports what the cleaning removes. */
    interface Removals {
        /** The cleaning removes something written at {@code offset} of the Markdown body. */
        void removed(int offset, String message);
    }

    /**
     * Reports each element, attribute and URL of one piece of raw HTML (an HTML block's content or
     * an inline tag) that the cleaning removes, at the offset where it is written.
     */
    void check(BasedSequence chars, Removals out) {
        String text = Sequences.string(chars);
        if (text.indexOf('<') < 0) {
            return;
        }
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        List<org.jsoup.nodes.Node> nodes = parser.parseFragmentInput(text, new Element("body"), BASE);
        for (org.jsoup.nodes.Node node : nodes) {
            if (node instanceof Element top) {
                for (Element e : top.getAllElements()) {
                    check(e, chars, out);
                }
            }
        }
    }

    private void check(Element e, BasedSequence chars, Removals out) {
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
            if (safelist.isSafeAttribute(tag, e, a)) {
                continue;
            }
            Range.AttributeRange where = a.sourceRange();
            if (isUrlAttribute(tag, a.getKey())) {
                // browsers drop tabs and line breaks from a URL, and spaces around it
                Matcher m = SpecParser.SCHEME.matcher(a.getValue().replaceAll("[\\t\\n\\r]", "").strip());
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
