package dev.specsite.parse;

import java.util.List;
import java.util.Set;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.internal.TaskListNodeRenderer;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.CoreNodeRenderer;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;

/**
 * The flexmark setup, built once and shared by all threads: the parser, the HTML renderer and
 * specsite's extension (heading self-links, block anchors, link and mention placeholders).
 */
final class Markdown {

    /** Prefix of a link placeholder URL; the link stage replaces {@code specsite:link/N}. */
    static final String LINK_PLACEHOLDER = "specsite:link/";

    /** Escapes and entities a text may hold and still be searched for links. */
    static final int MAX_ESCAPES = 500;
    /** The offset of the first text left unlinked for its number of escapes, or -1. */
    static final DataKey<Integer> AUTOLINKS_SKIPPED = new DataKey<>("SPECSITE_AUTOLINKS_SKIPPED", -1);

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final HtmlOut lean;
    private final DataHolder options;

    Markdown() {
        MutableDataSet o = new MutableDataSet();
        o.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TaskListExtension.create(),
                StrikethroughExtension.create(), new Autolinks(), new SpecsiteExtension()));
        o.set(TablesExtension.COLUMN_SPANS, false);
        o.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        o.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        o.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, false);
        o.set(TablesExtension.CLASS_NAME, "table");
        o.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        o.set(HtmlRenderer.RENDER_HEADER_ID, false);
        o.set(HtmlRenderer.SUPPRESS_HTML_COMMENT_BLOCKS, true);
        o.set(HtmlRenderer.SUPPRESS_INLINE_HTML_COMMENTS, true);
        o.set(HtmlRenderer.SOFT_BREAK, "\n");
        o.set(HtmlRenderer.INDENT_SIZE, 0);
        o.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
        o.set(HtmlRenderer.FENCED_CODE_NO_LANGUAGE_CLASS, "");
        o.set(TaskListExtension.ITEM_DONE_CLASS, "task done");
        o.set(TaskListExtension.ITEM_NOT_DONE_CLASS, "task");
        o.set(TaskListExtension.LOOSE_ITEM_CLASS, "task");
        o.set(TaskListExtension.TIGHT_ITEM_CLASS, "task");
        o.set(TaskListExtension.PARAGRAPH_CLASS, "");
        this.options = o.toImmutable();
        this.parser = CopyFreeInlineParser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
        this.lean = new HtmlOut(options);
    }

    DataHolder options() {
        return options;
    }

    /** Parses a text; flexmark reads it through the given sequence (a {@link ParseBudget} guard). */
    Document parse(CharSequence text) {
        return parser.parse(BasedSequence.of(text));
    }

    /**
     * The HTML of a document. specsite's own renderer ({@link HtmlOut}) writes it when it knows
     * every node to render, in a fraction of flexmark's time and with the same bytes; flexmark's
     * renderer writes the rest, and whatever the lean one fails on.
     */
    String render(Document document) {
        String html;
        try {
            html = lean.render(document);
        } catch (RuntimeException e) {
            html = null;
        }
        return html != null ? html : renderer.render(document);
    }

    /** The HTML of a document as flexmark's renderer writes it (the lean renderer's reference). */
    String renderWithFlexmark(Document document) {
        return renderer.render(document);
    }

    /** The HTML of a document as the lean renderer writes it, or null when it leaves it to flexmark. */
    String renderLean(Document document) {
        return lean.render(document);
    }

    /**
     * flexmark's autolink extension (bare URLs, {@code www.} addresses and e-mail addresses become
     * links), run only on the text nodes that may hold one. Its post-processor unescapes every text
     * node and scans it with three scanners and a regular expression, a seventh of all parse time,
     * although most text holds no link at all.
     */
    private static final class Autolinks implements Parser.ParserExtension {

        @Override
        public void parserOptions(MutableDataHolder options) {
        }

        @Override
        public void extend(Parser.Builder parserBuilder) {
            parserBuilder.postProcessorFactory(new NodePostProcessorFactory(false) {
                {
                    addNodes(Text.class);
                }

                @Override
                public NodePostProcessor apply(Document document) {
                    return new NodePostProcessor() {
                        private NodePostProcessor autolinks;

                        @Override
                        public void process(NodeTracker state, Node node) {
                            String text = Sequences.string(node.getChars());
                            if (mayHoldLink(text) && escapesAllowLink(text, node, document)) {
                                if (autolinks == null) {
                                    autolinks = new AutolinkNodePostProcessor.Factory().apply(document);
                                }
                                autolinks.process(state, node);
                            }
                        }
                    };
                }
            });
        }

        /**
         * Whether a text may hold a link the autolink extension finds: it needs {@code ://},
         * {@code www.} or {@code @}, which a backslash escape or an entity could also spell.
         */
        static boolean mayHoldLink(String text) {
            return text.indexOf('@') >= 0 || text.indexOf('\\') >= 0 || text.indexOf('&') >= 0
                    || text.contains("://") || text.contains("www.");
        }

        /**
         * Whether a text that may hold a link is to be searched for one: a text with escapes or
         * entities only when its unescaped form holds {@code ://}, {@code www.} or {@code @}, and
         * holds at most {@value #MAX_ESCAPES} of them: flexmark unescapes a text of many escapes in
         * time quadratic in their number. A text with more is left unlinked, its offset recorded
         * under {@link #AUTOLINKS_SKIPPED}.
         */
        static boolean escapesAllowLink(String text, Node node, Document document) {
            if (text.indexOf('\\') < 0 && text.indexOf('&') < 0) {
                return true;
            }
            String plain = Escaping.unescapeString(text);
            if (plain.indexOf('@') < 0 && !plain.contains("://") && !plain.contains("www.")) {
                return false;
            }
            int escapes = 0;
            for (int i = 0, n = text.length(); i < n; i++) {
                char c = text.charAt(i);
                if ((c == '\\' || c == '&') && ++escapes > MAX_ESCAPES) {
                    if (AUTOLINKS_SKIPPED.get(document) < 0) {
                        document.set(AUTOLINKS_SKIPPED, node.getStartOffset());
                    }
                    return false;
                }
            }
            return true;
        }
    }

    /** specsite's additions to the renderer. */
    private static final class SpecsiteExtension implements HtmlRenderer.HtmlRendererExtension, Parser.ParserExtension {
        @Override
        public void rendererOptions(MutableDataHolder options) {
        }

        @Override
        public void extend(HtmlRenderer.Builder builder, String rendererType) {
            builder.nodeRendererFactory(opts -> new SpecsiteNodeRenderer());
            builder.linkResolverFactory(new IndependentLinkResolverFactory() {
                @Override
                public LinkResolver apply(LinkResolverBasicContext context) {
                    return new PlaceholderLinkResolver();
                }
            });
            builder.attributeProviderFactory(new IndependentAttributeProviderFactory() {
                @Override
                public AttributeProvider apply(LinkResolverContext context) {
                    return new AnchorAttributeProvider(DocState.KEY.get(context.getDocument()));
                }
            });
        }

        @Override
        public void parserOptions(MutableDataHolder options) {
        }

        @Override
        public void extend(Parser.Builder parserBuilder) {
        }
    }

    /** Renders headings with their id and a self-link, mentions as placeholders, and text. */
    private static final class SpecsiteNodeRenderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(Heading.class, this::heading),
                    new NodeRenderingHandler<>(RefNode.class, this::ref),
                    new NodeRenderingHandler<>(Text.class, this::text));
        }

        /**
         * Text as flexmark renders it (escapes and entities resolved, line ends normalised, HTML
         * escaped), without the passes that would change nothing: unescaping and normalising when
         * there is no backslash, {@code &} or carriage return, escaping when there is no {@code &},
         * {@code <}, {@code >} or {@code "}.
         */
        private void text(Text node, NodeRendererContext context, HtmlWriter html) {
            String text = Sequences.string(node.getChars());
            if (text.indexOf('\\') >= 0 || text.indexOf('&') >= 0 || text.indexOf('\r') >= 0) {
                text = Escaping.normalizeEOL(node.getChars().unescape());
            }
            if (text.indexOf('&') >= 0 || text.indexOf('<') >= 0 || text.indexOf('>') >= 0 || text.indexOf('"') >= 0) {
                html.text(text);
            } else {
                html.raw(text);
            }
        }

        private void heading(Heading node, NodeRendererContext context, HtmlWriter html) {
            String id = node.getAnchorRefId();
            if (!id.isEmpty()) {
                html.attr("id", DocState.KEY.get(context.getDocument()).idPrefix + id);
            }
            html.srcPos(node.getText()).withAttr().tag("h" + node.getLevel());
            context.renderChildren(node);
            if (!id.isEmpty()) {
                html.raw("<a class=\"self-link\" href=\"#").text(id).raw("\" aria-label=\"Link to this section\"></a>");
            }
            html.tag("/h" + node.getLevel());
            html.line();
        }

        private void ref(RefNode node, NodeRendererContext context, HtmlWriter html) {
            String tag = DocState.KEY.get(context.getDocument()).refTag;
            html.raw("<" + tag + " data-i=\"" + node.index() + "\">").text(Sequences.string(node.getChars())).raw("</" + tag + ">");
        }
    }

    /** Gives recorded links their placeholder URL, and unsafe ones a harmless {@code #}. */
    private static final class PlaceholderLinkResolver implements LinkResolver {
        @Override
        public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
            DocState state = DocState.KEY.get(context.getDocument());
            if (state.unsafe.containsKey(node)) {
                return link.withStatus(LinkStatus.VALID).withUrl("#");
            }
            Integer index = state.links.get(node);
            if (index != null) {
                return link.withStatus(LinkStatus.VALID).withUrl(state.linkPrefix + index);
            }
            return link;
        }
    }

    /** Sets the ids and classes the parse decided on, on the node's own tag. */
    private static final class AnchorAttributeProvider implements AttributeProvider {
        private final DocState state;

        AnchorAttributeProvider(DocState state) {
            this.state = state;
        }

        @Override
        public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
            // the node's own tag only: not a link's, and not the inner tag of a block that writes two
            // (a loose task item's <p>, a code block's <code>), which would repeat the id in the page
            if (part == AttributablePart.LINK || part == TaskListNodeRenderer.TASK_ITEM_PARAGRAPH
                    || part == CoreNodeRenderer.CODE_CONTENT) {
                return;
            }
            String id = state.anchors.get(node);
            if (id != null) {
                attributes.replaceValue("id", state.idPrefix + id);
            }
            String cls = state.classes.get(node);
            if (cls != null) {
                attributes.addValue("class", cls);
            }
        }
    }

}
