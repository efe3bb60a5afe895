package dev.specsite.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import dev.specsite.config.MentionRules;
import dev.specsite.diag.Diagnostic;
import dev.specsite.model.SpecLink;

/**
 * The links of a document: Markdown links and images, id mentions in its text, and (through
 * {@link #raw}) the URLs its raw HTML keeps. Each gets an index that the rendering writes into a
 * placeholder for the link stage to resolve.
 */
final class LinkCollector {
    static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "ftp", "ftps", "tel", "irc", "news", "xmpp");

    private final ParseContext cx;
    private final MentionRules mentionRules;
    final List<SpecLink> links = new ArrayList<>();

    LinkCollector(ParseContext cx, MentionRules mentionRules) {
        this.cx = cx;
        this.mentionRules = mentionRules;
    }

    /**
     * The URL of a link, image or autolink, stripped; a reference's through the definitions of
     * {@code doc}; {@code null} for a mail link or a reference without a definition.
     */
    static String urlOf(Node n, Document doc) {
        String url;
        if (n instanceof Link l) {
            url = Sequences.string(l.getUrl());
        } else if (n instanceof Image i) {
            url = Sequences.string(i.getUrl());
        } else if (n instanceof AutoLink a) {
            url = Sequences.string(a.getUrl());
        } else if (n instanceof MailLink) {
            return null;
        } else {
            Reference ref = n instanceof LinkRef lr ? lr.getReferenceNode(doc) : ((ImageRef) n).getReferenceNode(doc);
            if (ref == null) {
                return null;
            }
            url = Sequences.string(ref.getUrl());
        }
        return url.strip();
    }

    /** A link or image: recorded when it may point to a spec, its URL removed when its scheme is unsafe. */
    void link(Node n) {
        String kind = n instanceof Image || n instanceof ImageRef ? "image" : "link";
        String url = urlOf(n, cx.doc);
        if (url == null) {
            return;
        }
        Matcher s = SCHEME.matcher(url);
        int line = cx.lineOf(n.getStartOffset());
        int col = cx.column(n.getStartOffset());
        if (s.find()) {
            String scheme = s.group(1).toLowerCase(Locale.ROOT);
            if (!SAFE_SCHEMES.contains(scheme)) {
                cx.state.unsafe.put(n, true);
                cx.diags.add(Diagnostic.warning(cx.path, line, col, "unsafe-link",
                        "link with scheme '" + scheme + ":' removed", "link with http, https or a relative path"));
                return;
            }
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return;
            }
        } else if (url.startsWith("//")) {
            return;
        }
        if (url.isEmpty()) {
            return;
        }
        int index = links.size();
        cx.state.links.put(n, index);
        links.add(new SpecLink(index, kind, url, cx.context(n), line, col));
    }

    /** The id mentions of a text outside links and code: each becomes a placeholder node and a link. */
    void mentions(Text t) {
        for (Node a = t.getParent(); a != null; a = a.getParent()) {
            if (a instanceof Link || a instanceof LinkRef || a instanceof AutoLink || a instanceof Code
                    || a instanceof Image || a instanceof ImageRef) {
                return;
            }
        }
        BasedSequence chars = t.getChars();
        int last = 0;
        List<Node> parts = new ArrayList<>();
        for (MentionRules.Mention m : mentionRules.find(Sequences.string(chars), cx.budget::guard)) {
            if (m.kind() == MentionRules.Kind.ID && m.anchor() == null
                    && cx.config.requirementIds().matcher(m.id()).matches()) {
                continue;
            }
            if (m.start() > last) {
                parts.add(new Text(chars.subSequence(last, m.start())));
            }
            int index = links.size();
            String target = Sequences.string(chars.subSequence(m.start(), m.end()));
            links.add(new SpecLink(index, "mention", target, cx.context(t),
                    cx.lineOf(t.getStartOffset() + m.start()), cx.column(t.getStartOffset() + m.start())));
            parts.add(new RefNode(chars.subSequence(m.start(), m.end()), index));
            last = m.end();
        }
        if (parts.isEmpty()) {
            return;
        }
        if (last < chars.length()) {
            parts.add(new Text(chars.subSequence(last, chars.length())));
        }
        for (Node p : parts) {
            t.insertBefore(p);
        }
        t.unlink();
    }

    /** A URL kept in raw HTML: its index. */
    int raw(RawHtml.Url u) {
        int index = links.size();
        links.add(new SpecLink(index, u.attribute().equals("src") ? "image" : "link", u.value(),
                cx.context(u.node()), cx.lineOf(u.offset()), cx.column(u.offset())));
        return index;
    }
}
