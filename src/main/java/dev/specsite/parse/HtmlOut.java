package dev.specsite.parse;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ast.util.ReferenceRepository;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCaption;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlRendererOptions;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
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
 * little line state whose effect shows in the output (see {@link Run#eol()}).
 *
 * <p>It knows a fixed set of node classes (those below, checked one by one against flexmark). A
 * document that needs any other node rendered is left to flexmark: {@link #render} then answers
 * {@code null}. It refuses the options it was not written for the same way, for every document.
 */
final class HtmlOut {

    /** The node classes rendered here, each with its kind. Exact classes: flexmark dispatches on them. */
    private static final Map<Class<?>, Integer> KINDS = new HashMap<>();

    private static final int DOCUMENT = 1;
    private static final int PARAGRAPH = 2;
    private static final int TEXT = 3;
    private static final int TEXT_BASE = 4;
    private static final int SOFT_BREAK = 5;
    private static final int HARD_BREAK = 6;
    private static final int HEADING = 7;
    private static final int EMPHASIS = 8;
    private static final int STRONG = 9;
    private static final int CODE = 10;
    private static final int FENCED_CODE = 11;
    private static final int INDENTED_CODE = 12;
    private static final int BLOCK_QUOTE = 13;
    private static final int BULLET_LIST = 14;
    private static final int ORDERED_LIST = 15;
    private static final int LIST_ITEM = 16;
    private static final int TASK_ITEM = 17;
    private static final int THEMATIC_BREAK = 18;
    private static final int LINK = 19;
    private static final int IMAGE = 20;
    private static final int LINK_REF = 21;
    private static final int IMAGE_REF = 22;
    private static final int NOTHING = 23;
    private static final int AUTO_LINK = 24;
    private static final int MAIL_LINK = 25;
    private static final int HTML_BLOCK = 26;
    private static final int HTML_INLINE = 27;
    private static final int HTML_ENTITY = 28;
    private static final int STRIKETHROUGH = 29;
    private static final int TABLE = 30;
    private static final int TABLE_HEAD = 31;
    private static final int TABLE_BODY = 32;
    private static final int TABLE_ROW = 33;
    private static final int TABLE_CELL = 34;
    private static final int TABLE_CAPTION = 35;
    private static final int MENTION = 36;

    static {
        KINDS.put(Document.class, DOCUMENT);
        KINDS.put(Paragraph.class, PARAGRAPH);
        KINDS.put(Text.class, TEXT);
        KINDS.put(TextBase.class, TEXT_BASE);
        KINDS.put(SoftLineBreak.class, SOFT_BREAK);
        KINDS.put(HardLineBreak.class, HARD_BREAK);
        KINDS.put(Heading.class, HEADING);
        KINDS.put(Emphasis.class, EMPHASIS);
        KINDS.put(StrongEmphasis.class, STRONG);
        KINDS.put(Code.class, CODE);
        KINDS.put(FencedCodeBlock.class, FENCED_CODE);
        KINDS.put(IndentedCodeBlock.class, INDENTED_CODE);
        KINDS.put(BlockQuote.class, BLOCK_QUOTE);
        KINDS.put(BulletList.class, BULLET_LIST);
        KINDS.put(OrderedList.class, ORDERED_LIST);
        KINDS.put(BulletListItem.class, LIST_ITEM);
        KINDS.put(OrderedListItem.class, LIST_ITEM);
        KINDS.put(TaskListItem.class, TASK_ITEM);
        KINDS.put(ThematicBreak.class, THEMATIC_BREAK);
        KINDS.put(Link.class, LINK);
        KINDS.put(Image.class, IMAGE);
        KINDS.put(LinkRef.class, LINK_REF);
        KINDS.put(ImageRef.class, IMAGE_REF);
        // rendered as nothing: definitions, and comments (suppressed by the options)
        KINDS.put(Reference.class, NOTHING);
        KINDS.put(HtmlCommentBlock.class, NOTHING);
        KINDS.put(HtmlInlineComment.class, NOTHING);
        KINDS.put(TableSeparator.class, NOTHING);
        KINDS.put(AutoLink.class, AUTO_LINK);
        KINDS.put(MailLink.class, MAIL_LINK);
        KINDS.put(HtmlBlock.class, HTML_BLOCK);
        KINDS.put(HtmlInline.class, HTML_INLINE);
        KINDS.put(HtmlEntity.class, HTML_ENTITY);
        KINDS.put(Strikethrough.class, STRIKETHROUGH);
        KINDS.put(TableBlock.class, TABLE);
        KINDS.put(TableHead.class, TABLE_HEAD);
        KINDS.put(TableBody.class, TABLE_BODY);
        KINDS.put(TableRow.class, TABLE_ROW);
        KINDS.put(TableCell.class, TABLE_CELL);
        KINDS.put(TableCaption.class, TABLE_CAPTION);
        KINDS.put(RefNode.class, MENTION);
    }

    /** Thrown when the document needs a node rendered that this renderer does not know. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED = new Unsupported();

    /** Link types of flexmark's resolved-link memo (one memo per type). */
    private static final int LINK_TYPE = 0;
    private static final int IMAGE_TYPE = 1;
    private static final int LINK_REF_TYPE = 2;
    private static final int IMAGE_REF_TYPE = 3;

    private final boolean usable;
    private final ListOptions listOptions;
    private final String softBreak;
    private final String hardBreak;
    private final String languageClassPrefix;
    private final String autolinkWwwPrefix;
    private final Pattern suppressedLinks;
    private final boolean suppressedIsJavascript;
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

    /** The attributes of one tag, in order: flexmark's {@code MutableAttributes} rules. */
    private static final class Attrs {
        private String[] names = new String[4];
        private String[] values = new String[4];
        private int size;

        private int indexOf(String name) {
            for (int i = 0; i < size; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        private void put(String name, String value) {
            if (size == names.length) {
                names = java.util.Arrays.copyOf(names, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size] = value;
            size++;
        }

        /** {@code addValue}: a class joins the classes there (each once); other values replace. */
        Attrs add(String name, String value) {
            int i = indexOf(name);
            if (i < 0) {
                put(name, value);
            } else if (name.equals("class")) {
                values[i] = mergeClasses(values[i], value);
            } else {
                values[i] = value;
            }
            return this;
        }

        /** {@code replaceValue}: the value replaces, in place. */
        Attrs replace(String name, String value) {
            int i = indexOf(name);
            if (i < 0) {
                put(name, value);
            } else {
                values[i] = value;
            }
            return this;
        }

        static String mergeClasses(String have, String more) {
            if (more.isEmpty()) {
                return have;
            }
            LinkedHashSet<String> names = new LinkedHashSet<>();
            for (String s : have.split(" ")) {
                if (!s.isEmpty()) {
                    names.add(s);
                }
            }
            for (String s : more.split(" ")) {
                s = s.trim();
                if (!s.isEmpty()) {
                    names.add(s);
                }
            }
            return String.join(" ", names);
        }
    }

    /** One rendering: the output and its line state, the document's state and the link memo. */
    private final class Run {
        private final Document document;
        private final DocState state;
        private final boolean stateEmpty;
        @SuppressWarnings("unchecked")
        private final Map<String, Resolved>[] resolved = new Map[4];
        private ReferenceRepository references;

        private final StringBuilder out;
        /** Where the current line starts in {@link #out}. */
        private int lineStart;
        /** Whether the current line holds only spaces and tabs so far (its leading spaces are dropped). */
        private boolean allWhite = true;
        /** Nesting of pre-formatted output (code blocks, raw HTML). */
        private int pre;
        /** Lines ended so far, dropped blank ones included. */
        private int lines;
        /** The line on which pre-formatted output last started. */
        private int preFirstLine = -1;
        /** Blank lines just written (at most one is). */
        private int blankRun;

        Run(Document document) {
            this.document = document;
            this.state = DocState.KEY.get(document);
            this.stateEmpty = state.anchors.isEmpty() && state.classes.isEmpty();
            this.out = new StringBuilder(Math.max(256, document.getChars().length() + document.getChars().length() / 4));
        }

        String run() {
            node(document);
            line();
            return out.toString();
        }

        // ------------------------------------------------------------ output with flexmark's line rules

        /**
         * Ends the current line, as flexmark's appendable does when it meets {@code \n}: a line with
         * no text that is not pre-formatted is blank, and of consecutive blank lines only the
         * first is written. (A line of a lone carriage return counts as having no text.)
         */
        private void eol() {
            int length = out.length() - lineStart;
            boolean empty = length == 0 || length == 1 && out.charAt(lineStart) == '\r';
            boolean preformatted = pre > 0 || preFirstLine == lines;
            if (empty && !preformatted) {
                out.setLength(lineStart);
                if (blankRun < 1) {
                    out.append('\n');
                    blankRun++;
                }
            } else {
                out.append('\n');
                blankRun = 0;
            }
            lines++;
            lineStart = out.length();
            allWhite = true;
        }

        /** flexmark's {@code line()}: ends the line unless at a line start (always in pre-formatted output). */
        private void line() {
            if (pre > 0 || out.length() != lineStart) {
                eol();
            }
        }

        private void openPre() {
            if (pre == 0 && preFirstLine != lines) {
                preFirstLine = lines;
            }
            pre++;
        }

        private void closePre() {
            pre--;
        }

        /** Appends text: line ends end lines, and spaces at the start of a line are dropped outside pre-formatted output. */
        private void append(String s) {
            int from = 0;
            int to = s.length();
            while (from < to) {
                int nl = s.indexOf('\n', from);
                int end = nl < 0 ? to : nl;
                if (from < end) {
                    segment(s, from, end);
                }
                if (nl < 0) {
                    return;
                }
                eol();
                from = nl + 1;
            }
        }

        /** Appends a piece of a line. */
        private void segment(String s, int from, int to) {
            if (allWhite) {
                if (pre > 0) {
                    for (int i = from; i < to; i++) {
                        char c = s.charAt(i);
                        if (c != ' ' && c != '\t') {
                            allWhite = false;
                            break;
                        }
                    }
                } else {
                    while (from < to) {
                        char c = s.charAt(from);
                        if (c == ' ') {
                            from++;
                        } else if (c == '\t') {
                            out.append('\t');
                            from++;
                        } else {
                            allWhite = false;
                            break;
                        }
                    }
                }
            }
            out.append(s, from, to);
        }

        /** Raw HTML, pre-formatted (flexmark's {@code rawPre}). */
        private void rawPre(String s) {
            if (out.length() != lineStart && !s.isEmpty() && s.charAt(0) == '\n') {
                line();
                s = s.substring(1);
            }
            openPre();
            append(s);
            closePre();
        }

        /** Text, HTML-escaped ({@code & < > "}). */
        private void text(String s) {
            append(first(s, ESCAPED) < 0 ? s : escape(s));
        }

        /** Text with no line end and nothing to escape. */
        private void plain(String s) {
            if (allWhite && !s.isEmpty()) {
                segment(s, 0, s.length());
            } else {
                out.append(s);
            }
        }

        /** Opens a tag without attributes of its own; the anchors and classes of {@code node} are added. */
        private void open(String tag, Node node) {
            if (stateEmpty || !state.anchors.containsKey(node) && !state.classes.containsKey(node)) {
                append("<" + tag + ">");
            } else {
                tag(tag, new Attrs(), node, false);
            }
        }

        private void close(String tag) {
            append("</" + tag + ">");
        }

        /**
         * A start tag. With a node, the node's anchor and classes are set as specsite's attribute
         * provider sets them (on the node's own tag: not on links, nor on the inner tag of a block
         * that writes two, a loose task item's {@code <p>} or a code block's {@code <code>}).
         */
        private void tag(String tag, Attrs attrs, Node node, boolean isVoid) {
            if (node != null) {
                anchorAndClasses(attrs, node);
            }
            StringBuilder t = new StringBuilder(64).append('<').append(tag);
            for (int i = 0; i < attrs.size; i++) {
                String name = attrs.names[i];
                String value = attrs.values[i];
                if (name.indexOf(' ') >= 0 || value.isEmpty()
                        && (name.equals("class") || name.equals("id") || name.equals("name") || name.equals("style"))) {
                    continue;
                }
                t.append(' ').append(name).append("=\"").append(attributeValue(value)).append('"');
            }
            t.append(isVoid ? " />" : ">");
            append(t.toString());
        }

        // ------------------------------------------------------------ nodes

        private void children(Node parent) {
            Node n = parent.getFirstChild();
            while (n != null) {
                Node next = n.getNext();
                node(n);
                n = next;
            }
        }

        private void node(Node n) {
            Integer kind = KINDS.get(n.getClass());
            if (kind == null) {
                throw UNSUPPORTED;
            }
            switch (kind) {
                case DOCUMENT, TEXT_BASE -> children(n);
                case PARAGRAPH -> paragraph((Paragraph) n);
                case TEXT -> textNode(n);
                case SOFT_BREAK -> append(softBreak);
                case HARD_BREAK -> append(hardBreak);
                case HEADING -> heading((Heading) n);
                case EMPHASIS -> inline("em", n);
                case STRONG -> inline("strong", n);
                case STRIKETHROUGH -> inline("del", n);
                case CODE -> {
                    open("code", n);
                    text(Escaping.collapseWhitespace(Sequences.string(((Code) n).getText()), true));
                    close("code");
                }
                case FENCED_CODE -> fencedCode((FencedCodeBlock) n);
                case INDENTED_CODE -> indentedCode((IndentedCodeBlock) n);
                case BLOCK_QUOTE -> {
                    line();
                    open("blockquote", n);
                    line();
                    children(n);
                    line();
                    close("blockquote");
                    line();
                }
                case BULLET_LIST -> list("ul", new Attrs(), n);
                case ORDERED_LIST -> {
                    int start = ((OrderedList) n).getStartNumber();
                    Attrs a = new Attrs();
                    if (listOptions.isOrderedListManualStart() && start != 1) {
                        a.add("start", String.valueOf(start));
                    }
                    list("ol", a, n);
                }
                case LIST_ITEM -> listItem((ListItem) n);
                case TASK_ITEM -> taskItem((TaskListItem) n);
                case THEMATIC_BREAK -> {
                    line();
                    tag("hr", new Attrs(), n, true);
                    line();
                }
                case LINK -> link((Link) n);
                case IMAGE -> image((Image) n);
                case LINK_REF -> linkRef((LinkRef) n);
                case IMAGE_REF -> imageRef((ImageRef) n);
                case NOTHING -> {
                }
                case AUTO_LINK -> autoLink((AutoLink) n);
                case MAIL_LINK -> mailLink((MailLink) n);
                case HTML_BLOCK -> {
                    if (n.hasChildren()) {
                        throw UNSUPPORTED;
                    }
                    line();
                    rawPre(normalizedEol(Sequences.string(((HtmlBlock) n).getContentChars())));
                    line();
                }
                case HTML_INLINE -> rawPre(normalizedEol(Sequences.string(n.getChars())));
                case HTML_ENTITY -> text(unescape(Sequences.string(n.getChars())));
                case TABLE -> {
                    Attrs a = new Attrs();
                    if (!tableClass.isEmpty()) {
                        a.add("class", tableClass);
                    }
                    line();
                    tag("table", a, n, false);
                    line();
                    children(n);
                    line();
                    close("table");
                    line();
                }
                case TABLE_HEAD -> block("thead", n);
                case TABLE_BODY -> block("tbody", n);
                case TABLE_ROW -> block("tr", n);
                case TABLE_CAPTION -> block("caption", n);
                case TABLE_CELL -> tableCell((TableCell) n);
                case MENTION -> {
                    append("<" + state.refTag + " data-i=\"" + ((RefNode) n).index() + "\">");
                    text(Sequences.string(n.getChars()));
                    append("</" + state.refTag + ">");
                }
                default -> throw UNSUPPORTED;
            }
        }

        /** A tag on lines of its own around its children (flexmark's {@code tagLine}). */
        private void block(String tag, Node n) {
            line();
            open(tag, n);
            children(n);
            close(tag);
            line();
        }

        private void inline(String tag, Node n) {
            open(tag, n);
            children(n);
            close(tag);
        }

        /** A list: start and end tags on lines of their own (flexmark's {@code tagIndent}). */
        private void list(String tag, Attrs attrs, Node n) {
            line();
            tag(tag, attrs, n, false);
            line();
            children(n);
            line();
            close(tag);
            line();
        }

        /** Text as specsite's node renderer writes it (see {@code Markdown.SpecsiteNodeRenderer}). */
        private void textNode(Node n) {
            String s = Sequences.stringKeepingNul(n.getChars());
            if (first(s, TEXT_SPECIAL) < 0) {
                plain(s); // most text: nothing to resolve, escape or break (and no NUL)
                return;
            }
            if (s.indexOf('\0') >= 0) {
                s = s.replace('\0', '\uFFFD'); // as Sequences.string reads it
            }
            if (s.indexOf('\\') >= 0 || s.indexOf('&') >= 0 || s.indexOf('\r') >= 0) {
                s = Escaping.normalizeEOL(Escaping.unescapeString(s));
            }
            text(s);
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
            Attrs a = new Attrs();
            if (!id.isEmpty()) {
                a.add("id", id);
            }
            tag(tag, a, h, false);
            children(h);
            if (!id.isEmpty()) {
                append("<a class=\"self-link\" href=\"#");
                text(id);
                append("\" aria-label=\"Link to this section\"></a>");
            }
            close(tag);
            line();
        }

        private void fencedCode(FencedCodeBlock n) {
            line();
            open("pre", n);
            openPre();
            Attrs a = new Attrs();
            BasedSequence info = n.getInfo();
            if (info.isNotNull() && !info.isBlank()) {
                String language = unescape(Sequences.string(n.getInfoDelimitedByAny(
                        com.vladsch.flexmark.util.misc.CharPredicate.anyOf(" \t"))));
                a.add("class", languageClassPrefix + language);
            }
            tag("code", a, null, false);
            text(normalizedEol(Sequences.string(n.getContentChars())));
            close("code");
            close("pre");
            closePre();
            line();
        }

        private void indentedCode(IndentedCodeBlock n) {
            line();
            open("pre", n);
            openPre();
            open("code", null);
            String s = Sequences.string(n.getContentChars().trimTailBlankLines());
            if (s.indexOf('\r') >= 0) {
                s = Escaping.normalizeEndWithEOL(s);
            } else if (!s.endsWith("\n")) {
                s = s + "\n";
            }
            text(s);
            close("code");
            close("pre");
            closePre();
            line();
        }

        private void listItem(ListItem n) {
            line();
            open("li", n);
            String suffix = Sequences.string(n.getMarkerSuffix());
            if (!suffix.isEmpty()) {
                text(unescape(suffix));
            }
            children(n);
            close("li");
            line();
        }

        private void taskItem(TaskListItem n) {
            boolean done = n.isItemDoneMarker();
            String status = done ? itemDoneClass : itemNotDoneClass;
            String marker = done ? doneMarker : notDoneMarker;
            boolean tight = listOptions.isTightListItem(n);
            String itemClass = tight ? tightItemClass : looseItemClass;
            Attrs a = new Attrs();
            if (!itemClass.isEmpty()) {
                a.add("class", itemClass);
            }
            if (!status.isEmpty() && !status.equals(itemClass)) {
                a.add("class", status);
            }
            if (tight) {
                line();
                tag("li", a, n, false);
                append(marker);
                children(n);
                close("li");
                line();
            } else {
                line();
                tag("li", a, n, false);
                line();
                Attrs p = new Attrs();
                if (!taskParagraphClass.isEmpty()) {
                    p.add("class", taskParagraphClass);
                }
                line();
                tag("p", p, null, false);
                append(marker);
                children(n);
                close("p");
                line();
                line();
                close("li");
                line();
            }
        }

        private void tableCell(TableCell n) {
            String tag = n.isHeader() ? "th" : "td";
            Attrs a = new Attrs();
            TableCell.Alignment alignment = n.getAlignment();
            if (alignment != null) {
                a.add("align", switch (alignment) {
                    case LEFT -> "left";
                    case CENTER -> "center";
                    case RIGHT -> "right";
                });
            }
            tag(tag, a, n, false);
            children(n);
            close(tag);
        }

        // ------------------------------------------------------------ links

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
            if (suppressedLinks == null || suppressedIsJavascript && !url.startsWith("javascript:")) {
                return false;
            }
            return suppressedLinks.matcher(url).matches();
        }

        /**
         * Adds the title of a link or image, as flexmark's {@code ResolvedLink.withTitle} and
         * {@code getNonNullAttributes} do (a null title: none; empty: only while the memoised link
         * has no attribute set yet).
         */
        private void title(Attrs a, Resolved r, BasedSequence title) {
            if (title.isNotNull()) {
                String t = unescape(Sequences.string(title));
                if (!(r.attributesMade && t.isEmpty())) {
                    a.add("title", t);
                }
            } else {
                r.attributesMade = true;
            }
        }

        private void link(Link n) {
            String url = Sequences.string(n.getUrl());
            if (suppressed(url)) {
                children(n);
                return;
            }
            Resolved r = resolve(LINK_TYPE, unescape(url), n);
            Attrs a = new Attrs().add("href", r.url);
            title(a, r, n.getTitle());
            tag("a", a, null, false);
            children(n);
            close("a");
        }

        private void image(Image n) {
            String url = Sequences.string(n.getUrl());
            if (suppressed(url)) {
                return;
            }
            if (!n.getUrlContent().isEmpty()) {
                throw UNSUPPORTED;
            }
            String alt = new TextCollectingVisitor().collectAndGetText(n);
            Resolved r = resolve(IMAGE_TYPE, unescape(url), n);
            Attrs a = new Attrs().add("src", r.url).add("alt", alt);
            title(a, r, n.getTitle());
            tag("img", a, null, true);
        }

        private ReferenceRepository references() {
            if (references == null) {
                references = Parser.REFERENCES.get(document);
            }
            return references;
        }

        /** The attributes of a reference link or image: its title, then the reference's anchor and classes. */
        private void referenceAttributes(Attrs a, Resolved r, Reference reference) {
            title(a, r, reference.getTitle());
            anchorAndClasses(a, reference);
        }

        /** The anchor (replacing any id) and the classes (joining any) that specsite's attribute provider gives a node. */
        private void anchorAndClasses(Attrs a, Node node) {
            if (stateEmpty) {
                return;
            }
            String id = state.anchors.get(node);
            if (id != null) {
                a.replace("id", id);
            }
            String cls = state.classes.get(node);
            if (cls != null) {
                a.add("class", cls);
            }
        }

        private void linkRef(LinkRef n) {
            if (n.isDefined()) {
                Reference reference = n.getReferenceNode(references());
                String url = unescape(Sequences.string(reference.getUrl()));
                boolean suppressed = suppressed(url);
                Resolved r = resolve(LINK_TYPE, url, n);
                if (suppressed) {
                    children(n);
                    return;
                }
                Attrs a = new Attrs().add("href", r.url);
                referenceAttributes(a, r, reference);
                tag("a", a, null, false);
                children(n);
                close("a");
                return;
            }
            Resolved r = resolve(LINK_REF_TYPE, unescape(Sequences.string(n.getReference())), n);
            if (!r.known || r.url.isEmpty()) {
                // an undefined reference is text, its children rendered between its brackets
                if (!n.hasChildren()) {
                    text(unescape(Sequences.string(n.getChars())));
                } else {
                    BasedSequence childChars = n.getChildChars();
                    text(unescape(Sequences.string(n.getChars().prefixOf(childChars))));
                    children(n);
                    text(unescape(Sequences.string(n.getChars().suffixOf(childChars))));
                }
                return;
            }
            r.attributesMade = true;
            tag("a", new Attrs().add("href", r.url), null, false);
            children(n);
            close("a");
        }

        private void imageRef(ImageRef n) {
            if (n.isDefined()) {
                Reference reference = n.getReferenceNode(references());
                String url = unescape(Sequences.string(reference.getUrl()));
                boolean suppressed = suppressed(url);
                Resolved r = resolve(IMAGE_TYPE, url, n);
                if (suppressed) {
                    return;
                }
                String alt = new TextCollectingVisitor().collectAndGetText(n);
                Attrs a = new Attrs().add("src", r.url).add("alt", alt);
                referenceAttributes(a, r, reference);
                tag("img", a, null, true);
                return;
            }
            Resolved r = resolve(IMAGE_REF_TYPE, references().normalizeKey(n.getReference()), n);
            if (!r.known || r.url.isEmpty()) {
                text(unescape(Sequences.string(n.getChars())));
                return;
            }
            String alt = new TextCollectingVisitor().collectAndGetText(n);
            r.attributesMade = true;
            tag("img", new Attrs().add("src", r.url).add("alt", alt), null, true);
        }

        private void autoLink(AutoLink n) {
            String text = Sequences.string(n.getText());
            if (suppressed(Sequences.string(n.getUrl()))) {
                text(text);
                return;
            }
            Resolved r = resolve(LINK_TYPE, text, n);
            String url = r.url.startsWith("www.") ? autolinkWwwPrefix + r.url : r.url;
            tag("a", new Attrs().add("href", url), null, false);
            text(text);
            close("a");
        }

        private void mailLink(MailLink n) {
            String text = unescape(Sequences.string(n.getText()));
            if (suppressed(Sequences.string(n.getUrl()))) {
                text(text);
                return;
            }
            Resolved r = resolve(LINK_TYPE, text, n);
            tag("a", new Attrs().add("href", "mailto:" + r.url), null, false);
            text(text);
            close("a");
        }
    }

    // ---------------------------------------------------------------- strings

    /** Backslash escapes and entities resolved (flexmark's {@code unescape()}). */
    static String unescape(String s) {
        return s.indexOf('\\') < 0 && s.indexOf('&') < 0 ? s : Escaping.unescapeString(s);
    }

    /** Line ends normalised (flexmark's {@code normalizeEOL()}): only carriage returns change. */
    static String normalizedEol(String s) {
        return s.indexOf('\r') < 0 ? s : Escaping.normalizeEOL(s);
    }

    /** The characters HTML text escapes. */
    private static final boolean[] ESCAPED = table("&<>\"");
    /** The characters that make a text node more than plain: escaped, resolved ({@code \\ &}), line ends, NUL. */
    private static final boolean[] TEXT_SPECIAL = table("&<>\"\\\r\n\0");

    private static boolean[] table(String chars) {
        boolean[] t = new boolean[128];
        for (char c : chars.toCharArray()) {
            t[c] = true;
        }
        return t;
    }

    /**
     * The index of the first character of {@code s} in the ASCII table {@code t}, or -1: one pass
     * instead of an {@code indexOf} per character (not intrinsic under the C1-only JIT the tool runs with).
     */
    static int first(String s, boolean[] t) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 128 && t[c]) {
                return i;
            }
        }
        return -1;
    }

    /** {@code & < > "} escaped (flexmark's {@code escapeHtml(s, false)}). */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            String r = switch (s.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (r != null) {
                b.append(s, from, i).append(r);
                from = i + 1;
            }
        }
        return b.append(s, from, s.length()).toString();
    }

    /** An attribute value escaped as flexmark does: {@code & < > "}, entities kept. */
    static String attributeValue(String s) {
        return first(s, ESCAPED) < 0 ? s : Escaping.escapeHtml(s, true);
    }
}
