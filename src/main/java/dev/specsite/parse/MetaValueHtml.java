package dev.specsite.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import dev.specsite.diag.Diagnostic;
import dev.specsite.model.MetaEntry;
import dev.specsite.model.SpecLink;

/**
 * A metadata value's inline Markdown as HTML: its links ({@code [review](https://…)}, reference links,
 * autolinks and bare web addresses), code and emphasis, as the header card shows them. Each link
 * becomes one of the spec's links, with the key as its context, so that the link stage resolves it
 * (to a spec's page when it names one) and counts it as a reference; its place in the HTML is the link
 * stage's placeholder, filled by the render stage as in the body. A value of plain text is left as
 * text: only a value holding {@code [ ` * _ <} or a web address is parsed, on its own line. Raw HTML in
 * a value is not kept: such a value is shown as text. A value longer than {@value #MAX_CHARS}
 * characters is no header value a reader scans (and flexmark's expressions recurse on long runs of
 * markers): it stays text.
 */
final class MetaValueHtml {

    /** What a value's HTML and links are, or none. */
    record Made(String html, List<MetaEntry.MetaLink> links) {
    }

    /** The longest value given HTML. */
    static final int MAX_CHARS = 2_000;

    private final ParseContext cx;
    private final Markdown markdown;
    private final LinkCollector links;

    MetaValueHtml(ParseContext cx, Markdown markdown, LinkCollector links) {
        this.cx = cx;
        this.markdown = markdown;
        this.links = links;
    }

    /** Whether a value may hold inline Markdown worth rendering. */
    static boolean mayHoldMarkup(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '[' || c == '`' || c == '*' || c == '_' || c == '<') {
                return true;
            }
        }
        return raw.contains("http://") || raw.contains("https://") || raw.contains("www.");
    }

    /**
     * The HTML of the value {@code raw} of {@code key} written at {@code line}, {@code column} (1-based), or
     * {@code null} when it is plain text.
     */
    Made html(String key, String raw, int line, int column) {
        String value = raw.strip();
        if (value.isEmpty() || value.length() > MAX_CHARS || !mayHoldMarkup(value) || value.indexOf('\n') >= 0) {
            return null;
        }
        StringBuilder text = new StringBuilder(value);
        List<Reference> defs = new ArrayList<>();
        if (value.contains("]")) { // reference links: the document's definitions, after the value
            String lower = value.toLowerCase(Locale.ROOT);
            for (Node n = cx.doc.getFirstChild(); n != null; n = n.getNext()) {
                // only the definitions the value may use: a document of many cannot make each value long
                if (n instanceof Reference r && lower.contains(
                        Sequences.string(r.getReference()).strip().toLowerCase(Locale.ROOT))) {
                    defs.add(r);
                }
            }
            for (Reference r : defs) {
                text.append("\n\n").append(Sequences.string(r.getChars()).strip());
            }
        }
        Document mini = markdown.parse(cx.budget.guard(text.toString()));
        if (!(mini.getFirstChild() instanceof Paragraph p)) {
            return null;
        }
        for (Node n = p.getNext(); n != null; n = n.getNext()) {
            if (!(n instanceof Reference)) {
                return null; // more than one line of text
            }
        }
        DocState state = new DocState();
        mini.set(DocState.KEY, state);
        List<MetaEntry.MetaLink> found = new ArrayList<>();
        boolean[] markup = {false};
        if (!collect(p, mini, state, key, line, column, found, markup)) {
            return null;
        }
        if (!markup[0] && found.isEmpty()) {
            return null;
        }
        for (Node n = p.getNext(); n != null; ) {
            Node next = n.getNext();
            n.unlink(); // the definitions are not part of the value
            n = next;
        }
        String html = markdown.render(mini).strip();
        if (!html.startsWith("<p>") || !html.endsWith("</p>")) {
            return null;
        }
        return new Made(html.substring(3, html.length() - 4), found);
    }

    /** Records the links under {@code n}; false when the value holds raw HTML (then it stays text). */
    private boolean collect(Node n, Document mini, DocState state, String key, int line, int column,
                            List<MetaEntry.MetaLink> found, boolean[] markup) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof HtmlInline) {
                return false;
            }
            if (c instanceof Code || c instanceof Emphasis || c instanceof StrongEmphasis) {
                markup[0] = true;
            }
            if (c instanceof Link || c instanceof AutoLink || c instanceof LinkRef || c instanceof Image
                    || c instanceof ImageRef) {
                link(c, mini, state, key, line, column + c.getStartOffset(), found);
            }
            if (!collect(c, mini, state, key, line, column, found, markup)) {
                return false;
            }
        }
        return true;
    }

    private void link(Node n, Document mini, DocState state, String key, int line, int column,
                      List<MetaEntry.MetaLink> found) {
        String url = LinkCollector.urlOf(n, mini);
        if (url == null) {
            return;
        }
        Matcher s = LinkCollector.SCHEME.matcher(url);
        if (s.find() && !LinkCollector.SAFE_SCHEMES.contains(s.group(1).toLowerCase(Locale.ROOT))) {
            state.unsafe.put(n, true);
            cx.diags.add(Diagnostic.warning(cx.path, line, column, "unsafe-link",
                    "link with scheme '" + s.group(1).toLowerCase(Locale.ROOT) + ":' removed",
                    "link with http, https or a relative path"));
            return;
        }
        if (url.isEmpty() || url.startsWith("//")) {
            return;
        }
        int index = links.links.size();
        state.links.put(n, index);
        String kind = n instanceof Image || n instanceof ImageRef ? "image" : "link";
        links.links.add(new SpecLink(index, kind, url, key, line, column));
        found.add(new MetaEntry.MetaLink(index, NodeText.collapse(Values.plain(Sequences.string(
                n instanceof AutoLink a ? a.getText() : n.getChildChars())))));
    }
}
