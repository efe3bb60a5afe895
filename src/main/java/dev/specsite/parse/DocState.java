package dev.specsite.parse;

import java.util.IdentityHashMap;
import java.util.Map;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;

/**
 * What the parse of one document hands to its own rendering: anchors and classes for blocks, and
 * link placeholders. Stored in the flexmark {@code Document}; never shared between documents.
 */
final class DocState {
    static final DataKey<DocState> KEY = new DataKey<>("SPECSITE_DOC_STATE", new DocState(), d -> new DocState());

    /** HTML id to set on a block node (requirement, open question). */
    final Map<Node, String> anchors = new IdentityHashMap<>();
    /** CSS classes to add to a block node. */
    final Map<Node, String> classes = new IdentityHashMap<>();
    /** Link or image node to the index of its {@code SpecLink}. */
    final Map<Node, Integer> links = new IdentityHashMap<>();
    /** Link or image node whose URL was unsafe and is replaced by {@code #}. */
    final Map<Node, Boolean> unsafe = new IdentityHashMap<>();
    /** The URL prefix of a link placeholder: marked when the document holds raw HTML ({@link RawHtml}). */
    String linkPrefix = Markdown.LINK_PLACEHOLDER;
    /** The tag name of a mention placeholder: marked when the document holds raw HTML. */
    String refTag = "specsite-ref";
    /** Written before each id specsite gives an element: marked when the document holds raw HTML. */
    String idPrefix = "";

    /** Makes the placeholders those of a document with raw HTML, which {@link RawHtml#clean} turns plain. */
    void markPlaceholders(RawHtml raw) {
        linkPrefix = raw.linkPrefix();
        refTag = raw.refTag();
        idPrefix = raw.idMarker();
    }

    void addClass(Node node, String cls) {
        classes.merge(node, cls, (a, b) -> a.contains(b) ? a : a + " " + b);
    }
}
