package dev.specsite.parse;

import java.util.HashMap;
import java.util.Map;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.util.ReferenceRepository;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Links and images of one rendering, as flexmark's renderer writes them: each URL resolved once per
 * link type (specsite's placeholders for the links the parse recorded, {@code #} for unsafe ones),
 * titles, reference links and images, autolinks and e-mail links.
 */
final class HtmlLinks {
/** Link types of flexmark's resolved-link memo (one memo per type). */
private static final int LINK_TYPE = 0;
private static final int IMAGE_TYPE = 1;
private static final int LINK_REF_TYPE = 2;
private static final int IMAGE_REF_TYPE = 3;

/** A link as flexmark resolved it: memoised per type and URL, as flexmark does. */
private static final class Resolved {
    final String url;
    /** Whether a resolver knew the link (flexmark's status is not {@code UNKNOWN}). */
    final boolean known;
    /**
     * Whether flexmark made the memoised link's (empty) attribute set: after that, an empty
     * title equals the link's absent one, and flexmark leaves the title attribute out.
     */
    boolean attributesMade;

    Resolved(String url, boolean known) {
        this.url = url;
        this.known = known;
    }
}

    private final HtmlOut options;
    private final HtmlOut.Run walker;
    private final HtmlLines out;
    private final Document document;
    private final DocState state;
    @SuppressWarnings("unchecked")
    private final Map<String, Resolved>[] resolved = new Map[4];
    private ReferenceRepository references;

    HtmlLinks(HtmlOut options, HtmlOut.Run walker, HtmlLines out, Document document, DocState state) {
        this.options = options;
        this.walker = walker;
        this.out = out;
        this.document = document;
        this.state = state;
    }

    /** A link as flexmark's renderer resolves it: memoised by type and URL, the first node's answer kept. */
    private Resolved resolve(int type, String url, Node node) {
        Map<String, Resolved> memo = resolved[type];
        if (memo == null) {
            memo = new HashMap<>();
            resolved[type] = memo;
        }
        Resolved r = memo.get(url);
        if (r == null) {
            r = new Resolved(url, false);
            if (!url.isEmpty()) {
                // specsite's link resolver (Markdown.PlaceholderLinkResolver)
                if (state.unsafe.containsKey(node)) {
                    r = new Resolved("#", true);
                } else {
                    Integer index = state.links.get(node);
                    if (index != null) {
                        r = new Resolved(state.linkPrefix + index, true);
                    }
                }
            }
            memo.put(url, r);
        }
        return r;
    }

    private boolean suppressed(String url) {
        if (options.suppressedLinks == null || options.suppressedIsJavascript && !url.startsWith("javascript:")) {
            return false;
        }
        return options.suppressedLinks.matcher(url).matches();
    }

    /**
     * Adds the title of a link or image, as flexmark's {@code ResolvedLink.withTitle} and
     * {@code getNonNullAttributes} do (a null title: none; empty: only while the memoised link
     * has no attribute set yet).
     */
    private void title(HtmlAttrs a, Resolved r, BasedSequence title) {
        if (title.isNotNull()) {
            String t = HtmlText.unescape(Sequences.string(title));
            if (!(r.attributesMade && t.isEmpty())) {
                a.add("title", t);
            }
        } else {
            r.attributesMade = true;
        }
    }

    void link(Link n) {
        String url = Sequences.string(n.getUrl());
        if (suppressed(url)) {
            walker.children(n);
            return;
        }
        Resolved r = resolve(LINK_TYPE, HtmlText.unescape(url), n);
        HtmlAttrs a = new HtmlAttrs().add("href", r.url);
        title(a, r, n.getTitle());
        out.tag("a", a, null, false);
        walker.children(n);
        out.close("a");
    }

    void image(Image n) {
        String url = Sequences.string(n.getUrl());
        if (suppressed(url)) {
            return;
        }
        if (!n.getUrlContent().isEmpty()) {
            throw HtmlOut.UNSUPPORTED;
        }
        String alt = new TextCollectingVisitor().collectAndGetText(n);
        Resolved r = resolve(IMAGE_TYPE, HtmlText.unescape(url), n);
        HtmlAttrs a = new HtmlAttrs().add("src", r.url).add("alt", alt);
        title(a, r, n.getTitle());
        out.tag("img", a, null, true);
    }

    private ReferenceRepository references() {
        if (references == null) {
            references = Parser.REFERENCES.get(document);
        }
        return references;
    }

    /** The attributes of a reference link or image: its title, then the reference's anchor and classes. */
    private void referenceAttributes(HtmlAttrs a, Resolved r, Reference reference) {
        title(a, r, reference.getTitle());
        out.anchorAndClasses(a, reference);
    }

    void linkRef(LinkRef n) {
        if (n.isDefined()) {
            Reference reference = n.getReferenceNode(references());
            String url = HtmlText.unescape(Sequences.string(reference.getUrl()));
            boolean suppressed = suppressed(url);
            Resolved r = resolve(LINK_TYPE, url, n);
            if (suppressed) {
                walker.children(n);
                return;
            }
            HtmlAttrs a = new HtmlAttrs().add("href", r.url);
            referenceAttributes(a, r, reference);
            out.tag("a", a, null, false);
            walker.children(n);
            out.close("a");
            return;
        }
        Resolved r = resolve(LINK_REF_TYPE, HtmlText.unescape(Sequences.string(n.getReference())), n);
        if (!r.known || r.url.isEmpty()) {
            // an undefined reference is text, its children rendered between its brackets
            if (!n.hasChildren()) {
                out.text(HtmlText.unescape(Sequences.string(n.getChars())));
            } else {
                BasedSequence childChars = n.getChildChars();
                out.text(HtmlText.unescape(Sequences.string(n.getChars().prefixOf(childChars))));
                walker.children(n);
                out.text(HtmlText.unescape(Sequences.string(n.getChars().suffixOf(childChars))));
            }
            return;
        }
        r.attributesMade = true;
        out.tag("a", new HtmlAttrs().add("href", r.url), null, false);
        walker.children(n);
        out.close("a");
    }

    void imageRef(ImageRef n) {
        if (n.isDefined()) {
            Reference reference = n.getReferenceNode(references());
            String url = HtmlText.unescape(Sequences.string(reference.getUrl()));
            boolean suppressed = suppressed(url);
            Resolved r = resolve(IMAGE_TYPE, url, n);
            if (suppressed) {
                return;
            }
            String alt = new TextCollectingVisitor().collectAndGetText(n);
            HtmlAttrs a = new HtmlAttrs().add("src", r.url).add("alt", alt);
            referenceAttributes(a, r, reference);
            out.tag("img", a, null, true);
            return;
        }
        Resolved r = resolve(IMAGE_REF_TYPE, references().normalizeKey(n.getReference()), n);
        if (!r.known || r.url.isEmpty()) {
            out.text(HtmlText.unescape(Sequences.string(n.getChars())));
            return;
        }
        String alt = new TextCollectingVisitor().collectAndGetText(n);
        r.attributesMade = true;
        out.tag("img", new HtmlAttrs().add("src", r.url).add("alt", alt), null, true);
    }

    void autoLink(AutoLink n) {
        String text = Sequences.string(n.getText());
        if (suppressed(Sequences.string(n.getUrl()))) {
            out.text(text);
            return;
        }
        Resolved r = resolve(LINK_TYPE, text, n);
        String url = r.url.startsWith("www.") ? options.autolinkWwwPrefix + r.url : r.url;
        out.tag("a", new HtmlAttrs().add("href", url), null, false);
        out.text(text);
        out.close("a");
    }

    void mailLink(MailLink n) {
        String text = HtmlText.unescape(Sequences.string(n.getText()));
        if (suppressed(Sequences.string(n.getUrl()))) {
            out.text(text);
            return;
        }
        Resolved r = resolve(LINK_TYPE, text, n);
        out.tag("a", new HtmlAttrs().add("href", "mailto:" + r.url), null, false);
        out.text(text);
        out.close("a");
    }
}
