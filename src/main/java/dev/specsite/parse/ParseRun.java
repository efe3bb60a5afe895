package dev.specsite.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import dev.specsite.config.MentionRules;
import dev.specsite.diag.Diagnostic;
import dev.specsite.model.Section;
import dev.specsite.model.Spec;

/**
 * The parse of one document: bound the input, parse it with flexmark, read the metadata and the
 * title, then walk the tree once, handing each heading, list item, paragraph and table row to the
 * {@link Rules section rules}, and collecting sections, links and raw HTML on the way. Not shared
 * between threads.
 */
final class ParseRun {
    private final ParseContext cx;
    private final Markdown markdown;
    private final RawHtml raw;
    private final MentionRules mentionRules;
    private final MetadataStore meta;
    private final LinkCollector links;
    private final AuthorAnchors authorAnchors;
    /** The rules, as an array: the walk loops over them at every block. */
    private final SectionRule[] rules = Rules.forDocument().toArray(new SectionRule[0]);
    private final List<Section> sections = new ArrayList<>();
    /** The file's text, line ends normalised, without a byte-order mark. */
    private String text;
    private boolean rawHtml;
    /** The GitHub slug of the title heading, or empty. */
    private String titleAnchor = "";
    /** The relative URLs raw HTML keeps, in the order written. */
    private final List<RawHtml.Url> rawUrls = new ArrayList<>();

    ParseRun(ParseContext cx, Markdown markdown, RawHtml raw, MentionRules mentionRules) {
        this.cx = cx;
        this.markdown = markdown;
        this.raw = raw;
        this.mentionRules = mentionRules;
        this.links = new LinkCollector(cx, mentionRules);
        this.meta = new MetadataStore(cx, new MetaValueHtml(cx, markdown, links));
        this.authorAnchors = new AuthorAnchors(cx);
    }

    /** The document's data, its body HTML and the problems found. */
    ParsedSpec run() {
        TitleReader.TitleAndId titleAndId = prepare();
        if (rawHtml) {
            cx.state.markPlaceholders(raw);
        }
        String html = markdown.render(cx.doc);
        if (rawHtml) {
            authorAnchors.generated(generatedAnchors());
            html = raw.clean(html, rawUrls, links::raw, authorAnchors);
        }
        SpecDraft draft = new SpecDraft();
        draft.sections = sections;
        draft.links = links.links;
        draft.titleAnchor = titleAnchor;
        for (SectionRule rule : rules) {
            rule.addTo(draft);
        }
        Spec spec = new SpecAssembler(cx, meta).build(titleAndId, text, draft);
        cx.diags.sort(Diagnostic.ORDER);
        return new ParsedSpec(spec, html, cx.diags);
    }

    /**
     * Parses the file and reads everything but the HTML: afterwards the context's document is
     * ready to render.
     */
    TitleReader.TitleAndId prepare() {
        text = cx.file.text().replace("\r\n", "\n").replace('\r', '\n');
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        FrontMatter fm = FrontMatter.parse(cx.path, text);
        cx.diags.addAll(fm.diagnostics());
        InputBounds.Bounded bounded = InputBounds.bound(cx.path, fm.body());
        cx.diags.addAll(bounded.diagnostics());
        String body = bounded.text();
        cx.body(body);
        cx.doc = markdown.parse(cx.budget.guard(body));
        int unlinked = Markdown.AUTOLINKS_SKIPPED.get(cx.doc);
        if (unlinked >= 0) {
            cx.diags.add(Diagnostic.warning(cx.path, cx.lineOf(unlinked), cx.column(unlinked), "too-many-escapes",
                    "a text of more than " + Markdown.MAX_ESCAPES + " backslash escapes and entities: its web and e-mail addresses are not made links",
                    "write fewer escapes, or split the paragraph"));
        }
        NodeText.repairParents(cx.doc);
        cx.state = new DocState();
        cx.doc.set(DocState.KEY, cx.state);

        FrontMatterReader yaml = new FrontMatterReader(cx, meta);
        yaml.read(fm);
        MetadataParagraphReader paragraphs = new MetadataParagraphReader(cx, meta);
        MetadataListReader lists = new MetadataListReader(cx, meta);
        TitleZoneReader zone = new TitleZoneReader(cx, meta, paragraphs, lists);
        TitleReader titles = new TitleReader(cx, meta, mentionRules);
        Node titleHeading = titles.firstH1();
        boolean zoneHadMetadata = false;
        if (titleHeading == null && titles.titleLikeHeading() instanceof Heading h && zone.read(h)) {
            // '## Name' opening the file, followed by metadata lines: the title, one level down
            titleHeading = h;
        } else {
            zoneHadMetadata = zone.read(titleHeading);
        }
        new OverviewReader(cx, paragraphs, lists).read();
        yaml.readSidecars();

        String h1 = titleHeading == null ? null
                : NodeText.collapse(Values.plain(Sequences.string(((Heading) titleHeading).getText())));
        TitleReader.TitleAndId titleAndId = titles.titleAndId(h1, titleHeading, zoneHadMetadata);
        // GitHub's anchors: numbered with the title heading still in the tree, as GitHub numbers it
        Map<Heading, String> slugs = GitHubSlugs.ofHeadings(cx.doc);
        if (titleHeading != null) {
            titleAnchor = slugs.get((Heading) titleHeading);
            titleHeading.unlink();
        }

        for (SectionRule rule : rules) {
            rule.begin(cx);
        }
        // a rule's anchor (a requirement's id) stays; every other heading gets its slug
        slugs.forEach((h, slug) -> {
            if (h.getAnchorRefId().isEmpty()) {
                h.setAnchorRefId(slug);
            }
        });
        walk(cx.doc);
        for (SectionRule rule : rules) {
            rule.end(cx);
        }
        return titleAndId;
    }

    /** The anchors specsite gives the page: headings', the title's, blocks', the theme's. */
    private Set<String> generatedAnchors() {
        Set<String> ids = new HashSet<>(AuthorAnchors.PAGE_IDS);
        ids.add(titleAnchor);
        ids.addAll(cx.state.anchors.values());
        for (Node n : cx.doc.getDescendants()) {
            if (n instanceof Heading h) {
                ids.add(h.getAnchorRefId());
            }
        }
        ids.remove("");
        return ids;
    }

    private void walk(Node node) {
        for (Node n = node.getFirstChild(); n != null; ) {
            Node next = n.getNext();
            visit(n);
            n = next;
        }
    }

    private void visit(Node n) {
        if (n instanceof Heading h) {
            heading(h);
            walk(h);
            return;
        }
        if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock || n instanceof Code
                || n instanceof HtmlCommentBlock || n instanceof HtmlInlineComment || n instanceof Reference) {
            return;
        }
        if (n instanceof HtmlBlock || n instanceof HtmlInline) {
            rawHtml = true;
            raw.check(n, n instanceof HtmlBlock b ? b.getContentChars() : n.getChars(), (offset, message) ->
                    cx.diags.add(Diagnostic.warning(cx.path, cx.lineOf(offset), cx.column(offset), "unsafe-html", message,
                            "specsite keeps only safe HTML: no script, event handlers, forms or frames")), rawUrls,
                    authorAnchors);
            return;
        }
        if (n instanceof ListBlock list && !(list.getParent() instanceof ListItem)) {
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem li) {
                    listItem(li, true);
                }
            }
            walk(n);
            return;
        }
        if (n instanceof ListItem li && !(li.getParent().getParent() instanceof Document)) {
            listItem(li, false);
        }
        if (n instanceof Paragraph p) {
            String source = Sequences.string(p.getChars());
            int line = cx.startLine(p);
            for (SectionRule rule : rules) {
                rule.paragraph(cx, p, source, line);
            }
        }
        if (n instanceof TableBlock t) {
            table(t);
        }
        if (n instanceof Link || n instanceof Image || n instanceof AutoLink || n instanceof LinkRef
                || n instanceof ImageRef) {
            links.link(n);
        }
        if (n instanceof Text t) {
            links.mentions(t);
            return;
        }
        walk(n);
    }

    /** A heading: a section of the outline, the current section from here, and news for each rule. */
    private void heading(Heading h) {
        String rawText = cx.blockText(h);
        String number = "";
        String title = rawText;
        Matcher m = NodeText.SECTION_NUMBER.matcher(rawText);
        if (m.matches()) {
            number = m.group(1);
            title = m.group(2).strip();
        }
        sections.add(new Section(title, number, h.getAnchorRefId(), h.getLevel(), cx.startLine(h)));
        cx.currentSection = title;
        for (SectionRule rule : rules) {
            rule.heading(cx, h, rawText, title);
        }
    }

    /** A list item, to each rule in turn until one takes it. */
    private void listItem(ListItem item, boolean topLevel) {
        String itemText = cx.itemText(item);
        int line = cx.startLine(item);
        for (SectionRule rule : rules) {
            if (rule.listItem(cx, item, itemText, line, topLevel)) {
                return;
            }
        }
    }

    /** A table: each body row, with the header's cells, to each rule. */
    private void table(TableBlock t) {
        List<String> header = new ArrayList<>();
        for (Node part = t.getFirstChild(); part != null; part = part.getNext()) {
            if (part instanceof TableSeparator) {
                continue; // the |---|---| line
            }
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof TableCell) {
                        cells.add(cx.blockText(c));
                    }
                }
                if (part instanceof TableHead) {
                    header = cells;
                    continue;
                }
                for (SectionRule rule : rules) {
                    rule.tableRow(cx, row, header, cells);
                }
            }
        }
    }
}
