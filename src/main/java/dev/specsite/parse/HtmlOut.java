package dev.specsite.parse;

import static dev.specsite.parse.HtmlKinds.*;

import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlRendererOptions;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.LineAppendable;

/**
 * A lean HTML renderer for the flexmark trees specsite makes, giving exactly what flexmark's
 * {@code HtmlRenderer} gives with {@link Markdown}'s options and specsite's extension (heading
 * self-links, mention placeholders, link placeholders, anchors and classes), byte for byte.
 *
 * <p>flexmark writes through a line-formatting appendable that looks at every character on its
 * own; this renderer appends whole runs of text to one {@code StringBuilder} and keeps only the
 * little line state whose effect shows in the output (see {@link HtmlLines}).
 *
 * <p>This class holds the options and writes the blocks and inline markup; {@link HtmlLines}
 * writes the output and the tags, {@link HtmlLinks} the links and images, {@link HtmlText}
 * escapes.
 *
 * <p>It knows a fixed set of node classes (those of {@link HtmlKinds}, checked one by one against flexmark). A
 * document that needs any other node rendered is left to flexmark: {@link #render} then answers
 * {@code null}. It refuses the options it was not written for the same way, for every document.
 */
final class HtmlOut {

    /** Thrown when the document needs a node rendered that this renderer does not know. */
    static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    static final Unsupported UNSUPPORTED = new Unsupported();

    private final boolean usable;
    private final ListOptions listOptions;
    private final String softBreak;
    private final String hardBreak;
    private final String languageClassPrefix;
    // read by HtmlLinks
    final String autolinkWwwPrefix;
    final Pattern suppressedLinks;
    final boolean suppressedIsJavascript;
    private final String tableClass;
    private final String doneMarker;
    private final String notDoneMarker;
    private final String tightItemClass;
    private final String looseItemClass;
    private final String itemDoneClass;
    private final String itemNotDoneClass;
    private final String taskParagraphClass;

    HtmlOut(DataHolder options) {
        HtmlRendererOptions html = new HtmlRendererOptions(options);
        listOptions = ListOptions.get(options);
        softBreak = html.softBreak;
        hardBreak = html.hardBreak;
        languageClassPrefix = html.languageClassPrefix;
        autolinkWwwPrefix = html.autolinkWwwPrefix;
        suppressedLinks = html.suppressedLinks;
        suppressedIsJavascript = suppressedLinks != null && suppressedLinks.pattern().equals("javascript:.*");
        tableClass = TablesExtension.CLASS_NAME.get(options);
        doneMarker = TaskListExtension.ITEM_DONE_MARKER.get(options);
        notDoneMarker = TaskListExtension.ITEM_NOT_DONE_MARKER.get(options);
        tightItemClass = TaskListExtension.TIGHT_ITEM_CLASS.get(options);
        looseItemClass = TaskListExtension.LOOSE_ITEM_CLASS.get(options);
        itemDoneClass = TaskListExtension.ITEM_DONE_CLASS.get(options);
        itemNotDoneClass = TaskListExtension.ITEM_NOT_DONE_CLASS.get(options);
        taskParagraphClass = TaskListExtension.PARAGRAPH_CLASS.get(options);
        // the options whose effect this renderer leaves out must have the values that leave it out
        usable = html.indentSize == 0
                && html.formatFlags == LineAppendable.F_TRIM_LEADING_WHITESPACE
                && html.maxBlankLines == 1 && html.maxTrailingBlankLines == 1
                && html.htmlBlockOpenTagEol && html.htmlBlockCloseTagEol
                && !html.percentEncodeUrls
                && html.sourcePositionAttribute.isEmpty()
                && html.suppressHtmlCommentBlocks && html.suppressInlineHtmlComments
                && !html.suppressHtmlBlocks && !html.suppressInlineHtml
                && !html.escapeHtmlBlocks && !html.escapeInlineHtml
                && !html.doNotRenderLinksInDocument
                && !html.generateHeaderIds
                && html.unescapeHtmlEntities
                && !html.noPTagsUseBr
                && html.emphasisStyleHtmlOpen == null && html.strongEmphasisStyleHtmlOpen == null
                && html.codeStyleHtmlOpen == null
                && html.languageClassMap.isEmpty() && html.languageDelimiters.equals(" \t")
                && html.noLanguageClass.trim().isEmpty()
                && !HtmlRenderer.RECHECK_UNDEFINED_REFERENCES.get(options)
                && !HtmlRenderer.OBFUSCATE_EMAIL.get(options)
                && !Parser.FENCED_CODE_CONTENT_BLOCK.get(options)
                && !Parser.CODE_SOFT_LINE_BREAKS.get(options)
                && StrikethroughExtension.STRIKETHROUGH_STYLE_HTML_OPEN.get(options) == null
                && !TablesExtension.COLUMN_SPANS.get(options);
    }

    /** Whether the options are those this renderer was written for (otherwise it renders nothing). */
    boolean usable() {
        return usable;
    }

    /**
     * The HTML of a document, as flexmark's renderer with {@link Markdown}'s setup makes it; or
     * {@code null} when the document needs a node rendered that this renderer does not know.
     */
    String render(Document document) {
        if (!usable) {
            return null;
        }
        try {
            return new Run(document).run();
        } catch (Unsupported e) {
            return null;
        }
    }

    /** One rendering: the document and its state, the output, and the links. */
    final class Run {
        private final Document document;
        private final DocState state;
        private final HtmlLines out;
        private final HtmlLinks links;

        Run(Document document) {
            this.document = document;
            this.state = DocState.KEY.get(document);
            this.out = new HtmlLines(state, Math.max(256, document.getChars().length() + document.getChars().length() / 4));
            this.links = new HtmlLinks(HtmlOut.this, this, out, document, state);
        }

        String run() {
            node(document);
            return out.finish();
        }

        // ------------------------------------------------------------ nodes

        void children(Node parent) {
            Node n = parent.getFirstChild();
            while (n != null) {
                Node next = n.getNext();
                node(n);
                n = next;
            }
        }

        private void node(Node n) {
            Integer kind = HtmlKinds.KINDS.get(n.getClass());
            if (kind == null) {
                throw UNSUPPORTED;
            }
            switch (kind) {
                case DOCUMENT, TEXT_BASE -> children(n);
                case PARAGRAPH -> paragraph((Paragraph) n);
                case TEXT -> textNode(n);
                case SOFT_BREAK -> out.append(softBreak);
                case HARD_BREAK -> out.append(hardBreak);
                case HEADING -> heading((Heading) n);
                case EMPHASIS -> inline("em", n);
                case STRONG -> inline("strong", n);
                case STRIKETHROUGH -> inline("del", n);
                case CODE -> {
                    out.open("code", n);
                    out.text(Escaping.collapseWhitespace(Sequences.string(((Code) n).getText()), true));
                    out.close("code");
                }
                case FENCED_CODE -> fencedCode((FencedCodeBlock) n);
                case INDENTED_CODE -> indentedCode((IndentedCodeBlock) n);
                case BLOCK_QUOTE -> {
                    out.line();
                    out.open("blockquote", n);
                    out.line();
                    children(n);
                    out.line();
                    out.close("blockquote");
                    out.line();
                }
                case BULLET_LIST -> list("ul", new HtmlAttrs(), n);
                case ORDERED_LIST -> {
                    int start = ((OrderedList) n).getStartNumber();
                    HtmlAttrs a = new HtmlAttrs();
                    if (listOptions.isOrderedListManualStart() && start != 1) {
                        a.add("start", String.valueOf(start));
                    }
                    list("ol", a, n);
                }
                case LIST_ITEM -> listItem((ListItem) n);
                case TASK_ITEM -> taskItem((TaskListItem) n);
                case THEMATIC_BREAK -> {
                    out.line();
                    out.tag("hr", new HtmlAttrs(), n, true);
                    out.line();
                }
                case LINK -> links.link((Link) n);
                case IMAGE -> links.image((Image) n);
                case LINK_REF -> links.linkRef((LinkRef) n);
                case IMAGE_REF -> links.imageRef((ImageRef) n);
                case NOTHING -> {
                }
                case AUTO_LINK -> links.autoLink((AutoLink) n);
                case MAIL_LINK -> links.mailLink((MailLink) n);
                case HTML_BLOCK -> {
                    if (n.hasChildren()) {
                        throw UNSUPPORTED;
                    }
                    out.line();
                    out.rawPre(HtmlText.normalizedEol(Sequences.string(((HtmlBlock) n).getContentChars())));
                    out.line();
                }
                case HTML_INLINE -> out.rawPre(HtmlText.normalizedEol(Sequences.string(n.getChars())));
                case HTML_ENTITY -> out.text(HtmlText.unescape(Sequences.string(n.getChars())));
                case TABLE -> {
                    HtmlAttrs a = new HtmlAttrs();
                    if (!tableClass.isEmpty()) {
                        a.add("class", tableClass);
                    }
                    out.line();
                    out.tag("table", a, n, false);
                    out.line();
                    children(n);
                    out.line();
                    out.close("table");
                    out.line();
                }
                case TABLE_HEAD -> block("thead", n);
                case TABLE_BODY -> block("tbody", n);
                case TABLE_ROW -> block("tr", n);
                case TABLE_CAPTION -> block("caption", n);
                case TABLE_CELL -> tableCell((TableCell) n);
                case MENTION -> {
                    out.append("<" + state.refTag + " data-i=\"" + ((RefNode) n).index() + "\">");
                    out.text(Sequences.string(n.getChars()));
                    out.append("</" + state.refTag + ">");
                }
                default -> throw UNSUPPORTED;
            }
        }

        /** A tag on lines of its own around its children (flexmark's {@code tagLine}). */
        private void block(String tag, Node n) {
            out.line();
            out.open(tag, n);
            children(n);
            out.close(tag);
            out.line();
        }

        private void inline(String tag, Node n) {
            out.open(tag, n);
            children(n);
            out.close(tag);
        }

        /** A list: start and end tags on lines of their own (flexmark's {@code tagIndent}). */
        private void list(String tag, HtmlAttrs attrs, Node n) {
            out.line();
            out.tag(tag, attrs, n, false);
            out.line();
            children(n);
            out.line();
            out.close(tag);
            out.line();
        }

        /** Text as specsite's node renderer writes it (see {@code Markdown.SpecsiteNodeRenderer}). */
        private void textNode(Node n) {
            String s = Sequences.stringKeepingNul(n.getChars());
            if (HtmlText.first(s, HtmlText.TEXT_SPECIAL) < 0) {
                out.plain(s); // most text: nothing to resolve, escape or break (and no NUL)
                return;
            }
            if (s.indexOf('\0') >= 0) {
                s = s.replace('\0', '\uFFFD'); // as Sequences.string reads it
            }
            if (s.indexOf('\\') >= 0 || s.indexOf('&') >= 0 || s.indexOf('\r') >= 0) {
                s = Escaping.normalizeEOL(Escaping.unescapeString(s));
            }
            out.text(s);
        }

        private void paragraph(Paragraph p) {
            if (p.getFirstChild() == null) {
                return;
            }
            if (p.getParent() instanceof ParagraphItemContainer c && c.isParagraphWrappingDisabled(p, listOptions, document)) {
                children(p);
            } else {
                block("p", p);
            }
        }

        /** A heading with its id and self-link (see {@code Markdown.SpecsiteNodeRenderer}). */
        private void heading(Heading h) {
            String id = h.getAnchorRefId();
            String tag = "h" + h.getLevel();
            HtmlAttrs a = new HtmlAttrs();
            if (!id.isEmpty()) {
                a.add("id", state.idPrefix + id);
            }
            out.tag(tag, a, h, false);
            children(h);
            if (!id.isEmpty()) {
                out.append("<a class=\"self-link\" href=\"#");
                out.text(id);
                out.append("\" aria-label=\"Link to this section\"></a>");
            }
            out.close(tag);
            out.line();
        }

        private void fencedCode(FencedCodeBlock n) {
            out.line();
            out.open("pre", n);
            out.openPre();
            HtmlAttrs a = new HtmlAttrs();
            BasedSequence info = n.getInfo();
            if (info.isNotNull() && !info.isBlank()) {
                String language = HtmlText.unescape(Sequences.string(n.getInfoDelimitedByAny(
                        com.vladsch.flexmark.util.misc.CharPredicate.anyOf(" \t"))));
                a.add("class", languageClassPrefix + language);
            }
            out.tag("code", a, null, false);
            out.text(HtmlText.normalizedEol(Sequences.string(n.getContentChars())));
            out.close("code");
            out.close("pre");
            out.closePre();
            out.line();
        }

        private void indentedCode(IndentedCodeBlock n) {
            out.line();
            out.open("pre", n);
            out.openPre();
            out.open("code", null);
            String s = Sequences.string(n.getContentChars().trimTailBlankLines());
            if (s.indexOf('\r') >= 0) {
                s = Escaping.normalizeEndWithEOL(s);
            } else if (!s.endsWith("\n")) {
                s = s + "\n";
            }
            out.text(s);
            out.close("code");
            out.close("pre");
            out.closePre();
            out.line();
        }

        private void listItem(ListItem n) {
            out.line();
            out.open("li", n);
            String suffix = Sequences.string(n.getMarkerSuffix());
            if (!suffix.isEmpty()) {
                out.text(HtmlText.unescape(suffix));
            }
            children(n);
            out.close("li");
            out.line();
        }

        private void taskItem(TaskListItem n) {
            boolean done = n.isItemDoneMarker();
            String status = done ? itemDoneClass : itemNotDoneClass;
            String marker = done ? doneMarker : notDoneMarker;
            boolean tight = listOptions.isTightListItem(n);
            String itemClass = tight ? tightItemClass : looseItemClass;
            HtmlAttrs a = new HtmlAttrs();
            if (!itemClass.isEmpty()) {
                a.add("class", itemClass);
            }
            if (!status.isEmpty() && !status.equals(itemClass)) {
                a.add("class", status);
            }
            if (tight) {
                out.line();
                out.tag("li", a, n, false);
                out.append(marker);
                children(n);
                out.close("li");
                out.line();
            } else {
                out.line();
                out.tag("li", a, n, false);
                out.line();
                HtmlAttrs p = new HtmlAttrs();
                if (!taskParagraphClass.isEmpty()) {
                    p.add("class", taskParagraphClass);
                }
                out.line();
                out.tag("p", p, null, false);
                out.append(marker);
                children(n);
                out.close("p");
                out.line();
                out.line();
                out.close("li");
                out.line();
            }
        }

        private void tableCell(TableCell n) {
            String tag = n.isHeader() ? "th" : "td";
            HtmlAttrs a = new HtmlAttrs();
            TableCell.Alignment alignment = n.getAlignment();
            if (alignment != null) {
                a.add("align", switch (alignment) {
                    case LEFT -> "left";
                    case CENTER -> "center";
                    case RIGHT -> "right";
                });
            }
            out.tag(tag, a, n, false);
            children(n);
            out.close(tag);
        }
    }
}
