package dev.specsite.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document.OutputSettings;
import org.jsoup.safety.Safelist;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
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
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import dev.specsite.config.ConfigLoader;
import dev.specsite.config.MentionRules;
import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.model.Approval;
import dev.specsite.model.ChecklistItem;
import dev.specsite.model.MetaEntry;
import dev.specsite.model.OpenQuestion;
import dev.specsite.model.Relation;
import dev.specsite.model.Requirement;
import dev.specsite.model.Section;
import dev.specsite.model.SourceFile;
import dev.specsite.model.Spec;
import dev.specsite.model.SpecLink;
import dev.specsite.model.Status;

/**
 * Stage 2, parse: one Markdown file in, its data and body HTML out. Each file is parsed once with
 * flexmark; the same tree gives the metadata, sections, requirements, checklists, open questions,
 * approvals, links and the HTML. Thread-safe: one instance serves all threads.
 */
public final class SpecParser {

    static final Pattern TITLE_PREFIX = Pattern.compile(
            "(?i)^(?:technical\\s+spec(?:ification)?|feature\\s+spec(?:ification)?|design\\s+doc(?:ument)?|spec(?:ification)?|proposal|design|feature|rfc|adr)\\s*[:：]\\s*");
    static final Pattern ID_PREFIX = Pattern.compile(
            "^([A-Z][A-Z0-9]*-(?:\\d+|[A-Z]+|\\d+[A-Z]*))\\s*[:：\\-–—.]\\s*(.+)$");
    static final Pattern WORD_NUMBER_PREFIX = Pattern.compile(
            "^(ADR|RFC|PEP|KEP|SEP|JEP|SPEC|FEAT)[\\s#-]?(\\d+)\\s*[:：\\-–—.]\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    static final Pattern SECTION_NUMBER = Pattern.compile("^((?:\\d+(?:\\.\\d+)*\\.?)|(?:[A-Z]\\.)|(?:[IVXLC]+\\.))\\s+(.+)$");
    static final Pattern QUESTION_SECTION = Pattern.compile(
            "(?i)^(?:(?:open|unresolved|outstanding|remaining|pending|unanswered)\\s+(?:questions?|issues?|items?|points?|decisions?|problems?)|questions?|open questions?\\s*(?:&|and)\\s*.*|unresolved)\\b.*");
    static final Pattern ACCEPTANCE_SECTION = Pattern.compile(
            "(?i)^(?:acceptance(?:\\s+criteria|\\s+tests?)?|definition\\s+of\\s+done|success\\s+criteria|exit\\s+criteria|done\\s+criteria)\\b.*");
    static final Pattern APPROVAL_SECTION = Pattern.compile(
            "(?i)^(?:approvals?|sign[- ]?offs?|signoffs?|approvers?|reviewers?(?:\\s+and\\s+approvers?)?|stakeholder\\s+sign[- ]?offs?|review\\s+and\\s+approval)\\b.*");
    static final Pattern OVERVIEW_SECTION = Pattern.compile(
            "(?i)^(?:overview|metadata|document\\s+(?:info|information|control|metadata)|status|summary|header)$");
    static final Pattern GENERIC_SECTION = Pattern.compile(
            "(?i)^(?:summary|abstract|motivation|background|introduction|overview|context|problem(?: statement)?|goals|"
            + "description|rationale|proposal|detailed design|guide-level explanation|table of contents|contents)$");
    static final Pattern NEEDS_CLARIFICATION = Pattern.compile("\\[NEEDS CLARIFICATION:?\\s*([^\\]]*)\\]");
    static final Pattern UNRESOLVED_BLOCK = Pattern.compile("<<\\[UNRESOLVED([^\\]]*)\\]>>");
    static final Pattern TBD = Pattern.compile("\\bTBD\\b");
    static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "ftp", "ftps", "tel", "irc", "news", "xmpp");

    private final SiteConfig config;
    private final Markdown markdown = new Markdown();
    private final Safelist safelist;
    private final MentionRules mentionRules;

    public SpecParser(SiteConfig config) {
        this.config = config;
        this.mentionRules = MentionRules.of(config);
        this.safelist = Safelist.relaxed()
                .addTags("details", "summary", "figure", "figcaption", "kbd", "sup", "sub", "mark", "del", "ins",
                        "abbr", "input", "specsite-ref", "hr", "s", "var", "samp", "dfn", "small", "section", "span", "div")
                .addAttributes(":all", "id", "class", "title", "align", "lang", "dir")
                .addAttributes("specsite-ref", "data-i")
                .addAttributes("input", "type", "checked", "disabled", "readonly")
                .addAttributes("details", "open")
                .addAttributes("th", "scope").addAttributes("td", "scope")
                .addProtocols("a", "href", "specsite", "#")
                .addProtocols("img", "src", "specsite")
                .preserveRelativeLinks(true);
    }

    /** Parses one file. Never throws for bad input: problems become diagnostics. */
    public ParsedSpec parse(SourceFile file) {
        return new Run(file).run();
    }

    /** The work of parsing one document; not shared between threads. */
    private final class Run {
        final SourceFile file;
        final String path;
        final List<Diagnostic> diags = new ArrayList<>();
        final List<MetaEntry> metadata = new ArrayList<>();
        final Map<String, List<MetaEntry>> byField = new LinkedHashMap<>();
        final List<Section> sections = new ArrayList<>();
        final List<Requirement> requirements = new ArrayList<>();
        final List<ChecklistItem> checklist = new ArrayList<>();
        final List<OpenQuestion> questions = new ArrayList<>();
        final List<Approval> approvals = new ArrayList<>();
        final List<SpecLink> links = new ArrayList<>();
        final Set<String> requirementIds = new HashSet<>();
        int[] lineStarts;
        Document doc;
        DocState state;
        boolean rawHtml;
        String summary = "";
        // section context while walking
        String currentSection = "";
        int questionLevel = 0;
        int acceptanceLevel = 0;
        int approvalLevel = 0;
        boolean anyAcceptanceSection;

        Run(SourceFile file) {
            this.file = file;
            this.path = file.path();
        }

        ParsedSpec run() {
            String text = file.text().replace("\r\n", "\n").replace('\r', '\n');
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            FrontMatter fm = FrontMatter.parse(path, text);
            diags.addAll(fm.diagnostics());
            String body = fm.body();
            lineStarts = lineStarts(body);
            doc = markdown.parse(body);
            state = new DocState();
            doc.set(DocState.KEY, state);

            readFrontMatter(fm);
            Node titleHeading = firstH1();
            readMetadataZone(titleHeading);
            readOverviewSection();

            // title and id
            String h1 = titleHeading == null ? null : collapse(Values.plain(((Heading) titleHeading).getText().toString()));
            String[] titleAndId = titleAndId(h1, titleHeading);
            if (titleHeading != null) {
                titleHeading.unlink();
            }

            anyAcceptanceSection = hasAcceptanceSection();
            markRequirementHeadings();
            new HeaderIdGenerator(markdown.options()).generateIds(doc);
            walk(doc);

            String html = markdown.render(doc);
            if (rawHtml) {
                html = Jsoup.clean(html, "https://specsite.invalid/", safelist,
                        new OutputSettings().prettyPrint(false));
            }
            Spec spec = buildSpec(titleAndId[0], titleAndId[1], titleAndId[2] != null, text);
            diags.sort(Diagnostic.ORDER);
            return new ParsedSpec(spec, html, diags);
        }

        // ---------------------------------------------------------------- metadata

        void readFrontMatter(FrontMatter fm) {
            for (Map.Entry<String, Object> e : fm.values().entrySet()) {
                int line = fm.keyLines().getOrDefault(e.getKey(), 1);
                Object v = e.getValue();
                if (v == null) {
                    continue;
                }
                String value;
                if (v instanceof List<?> list) {
                    List<String> parts = new ArrayList<>();
                    for (Object o : list) {
                        if (o != null) {
                            parts.add(String.valueOf(o));
                        }
                    }
                    value = String.join(", ", parts);
                } else if (v instanceof Map<?, ?> map) {
                    value = map.toString();
                } else {
                    value = String.valueOf(v);
                }
                addEntry(e.getKey(), value, line, 1);
            }
        }

        Node firstH1() {
            for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Heading h && h.getLevel() == 1) {
                    return GENERIC_SECTION.matcher(canonical(collapse(text(h)))).matches() ? null : h;
                }
                if (n instanceof Heading) {
                    return null;
                }
            }
            return null;
        }

        /** Metadata lines between the title and the first heading. */
        void readMetadataZone(Node titleHeading) {
            Node start = titleHeading != null ? titleHeading.getNext() : doc.getFirstChild();
            List<Node> consumed = new ArrayList<>();
            for (Node n = start; n != null && !(n instanceof Heading); n = n.getNext()) {
                if (n instanceof Paragraph p) {
                    if (readMetadataParagraph(p, false)) {
                        consumed.add(p);
                    }
                } else if (n instanceof BulletList || n instanceof OrderedList) {
                    if (readMetadataList((ListBlock) n)) {
                        consumed.add(n);
                    }
                } else if (n instanceof BlockQuote bq) {
                    boolean all = bq.hasChildren();
                    for (Node c = bq.getFirstChild(); c != null; c = c.getNext()) {
                        if (!(c instanceof Paragraph p && readMetadataParagraph(p, true))) {
                            all = false;
                        }
                    }
                    if (all) {
                        consumed.add(bq);
                    }
                }
            }
            for (Node n : consumed) {
                n.unlink();
            }
            if (!consumed.isEmpty()) {
                Node first = titleHeading != null ? titleHeading.getNext() : doc.getFirstChild();
                if (first instanceof ThematicBreak) {
                    first.unlink();
                }
            }
        }

        /** Bold metadata lines in an Overview (or Metadata) section, as the technical-spec template has them. */
        void readOverviewSection() {
            for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Heading h && h.getLevel() >= 2) {
                    String title = canonical(collapse(text(h)));
                    if (!OVERVIEW_SECTION.matcher(title).matches()) {
                        return; // only the first section is looked at
                    }
                    List<Node> consumed = new ArrayList<>();
                    for (Node c = h.getNext(); c != null && !(c instanceof Heading); c = c.getNext()) {
                        if (c instanceof Paragraph p && readMetadataParagraph(p, true)) {
                            consumed.add(p);
                        } else if (c instanceof BulletList bl && boldList(bl) && readMetadataList(bl)) {
                            consumed.add(bl);
                        }
                    }
                    consumed.forEach(Node::unlink);
                    if (!consumed.isEmpty() && (h.getNext() == null || h.getNext() instanceof Heading)) {
                        h.unlink();
                    }
                    return;
                }
            }
        }

        boolean boldList(ListBlock list) {
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                String first = item.getFirstChild() == null ? "" : item.getFirstChild().getChars().toString().strip();
                if (!first.startsWith("**") && !first.startsWith("__")) {
                    return false;
                }
            }
            return true;
        }

        /** Reads a paragraph whose every line is a key/value pair; returns whether it was metadata. */
        boolean readMetadataParagraph(Paragraph p, boolean boldOnly) {
            String[] lines = p.getChars().toString().split("\n");
            List<KeyValue> pairs = new ArrayList<>();
            List<Integer> pairLines = new ArrayList<>();
            int first = p.getStartLineNumber() + 1;
            boolean anyBold = false;
            boolean anyKnown = false;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                List<KeyValue> kvs = KeyValue.parseLine(lines[i]);
                if (kvs.isEmpty()) {
                    return false;
                }
                for (KeyValue kv : kvs) {
                    if (boldOnly && !kv.bold()) {
                        return false;
                    }
                    anyBold |= kv.bold();
                    anyKnown |= field(kv.key()) != null;
                    pairs.add(kv);
                    pairLines.add(first + i);
                }
            }
            if (pairs.isEmpty() || !(anyBold || anyKnown || pairs.size() >= 2)) {
                return false;
            }
            int col = column(p.getStartOffset());
            for (int i = 0; i < pairs.size(); i++) {
                KeyValue kv = pairs.get(i);
                addEntry(kv.key(), kv.value(), pairLines.get(i), i == 0 ? col + kv.column() : kv.column() + 1);
            }
            return true;
        }

        /** Reads a list whose every item is one key/value line. */
        boolean readMetadataList(ListBlock list) {
            List<KeyValue> pairs = new ArrayList<>();
            List<Integer> pairLines = new ArrayList<>();
            boolean anyKnown = false;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem) || item.getFirstChild() == null
                        || item.getFirstChild() != item.getLastChild()
                        || !(item.getFirstChild() instanceof Paragraph p)) {
                    return false;
                }
                String[] lines = p.getChars().toString().strip().split("\n");
                if (lines.length != 1) {
                    return false;
                }
                List<KeyValue> kvs = KeyValue.parseLine(lines[0]);
                if (kvs.isEmpty()) {
                    return false;
                }
                for (KeyValue kv : kvs) {
                    anyKnown |= field(kv.key()) != null;
                    pairs.add(kv);
                    pairLines.add(item.getStartLineNumber() + 1);
                }
            }
            if (pairs.isEmpty() || !(anyKnown || pairs.size() >= 2)) {
                return false;
            }
            for (int i = 0; i < pairs.size(); i++) {
                addEntry(pairs.get(i).key(), pairs.get(i).value(), pairLines.get(i), 3);
            }
            return true;
        }

        String field(String key) {
            return config.fields().get(ConfigLoader.normalizeKey(Values.plain(key)));
        }

        void addEntry(String key, String rawValue, int line, int column) {
            String k = Values.plain(key);
            String f = field(k);
            String v = Values.plain(rawValue);
            MetaEntry entry = new MetaEntry(k, f, v, line);
            if (f == null) {
                metadata.add(entry);
                return;
            }
            // keep the raw value for fields that may hold links (relations)
            MetaEntry kept = isRelation(f) ? new MetaEntry(k, f, rawValue.strip(), line) : entry;
            metadata.add(entry);
            byField.computeIfAbsent(f, x -> new ArrayList<>()).add(kept);
            if (f.equals("title") || f.equals("id") || f.equals("status") || f.equals("created") || f.equals("updated")) {
                List<MetaEntry> same = byField.get(f);
                if (same.size() == 2) {
                    diags.add(Diagnostic.warning(path, line, column, "duplicate-metadata",
                            "'" + k + "' is given again; the first value (line " + same.get(0).line() + ") is used",
                            "remove one of the two"));
                }
            }
        }

        boolean isRelation(String f) {
            return switch (f) {
                case "supersedes", "superseded-by", "replaces", "depends-on", "related", "see-also" -> true;
                default -> false;
            };
        }

        Optional<MetaEntry> first(String field) {
            List<MetaEntry> l = byField.get(field);
            return l == null || l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        }

        // ---------------------------------------------------------------- title and id

        /** Returns {title, id, declaredIdOrNull}. */
        String[] titleAndId(String h1, Node titleHeading) {
            String title = null;
            String idFromTitle = null;
            int titleLine = titleHeading == null ? 1 : titleHeading.getStartLineNumber() + 1;
            if (h1 != null) {
                String t = h1;
                Matcher m = WORD_NUMBER_PREFIX.matcher(t);
                Matcher m2 = ID_PREFIX.matcher(t);
                if (m2.matches()) {
                    idFromTitle = m2.group(1);
                    t = m2.group(2);
                } else if (m.matches()) {
                    idFromTitle = m.group(1).toUpperCase(Locale.ROOT) + "-" + m.group(2);
                    t = m.group(3);
                }
                t = TITLE_PREFIX.matcher(t).replaceFirst("");
                m2 = ID_PREFIX.matcher(t);
                if (idFromTitle == null && m2.matches()) {
                    idFromTitle = m2.group(1);
                    t = m2.group(2);
                }
                t = t.strip();
                if (Values.isPlaceholder(t)) {
                    diags.add(Diagnostic.warning(path, titleLine, 1, "placeholder",
                            "the title is a template placeholder: " + t, "write the spec's real title"));
                } else if (!t.isEmpty()) {
                    title = t;
                }
            }
            Optional<MetaEntry> declaredTitle = first("title");
            if (declaredTitle.isPresent() && !declaredTitle.get().value().isBlank()) {
                title = declaredTitle.get().value();
            }
            if (title == null) {
                title = plainTitleLine();
            }
            if (title == null) {
                title = titleFromFileName(path);
                if (h1 == null) {
                    diags.add(Diagnostic.info(path, 1, 1, "no-title",
                            "no '# Title' heading; the title is taken from the file name", "start the file with '# Title'"));
                }
            }

            String id = null;
            Optional<MetaEntry> declared = first("id");
            if (declared.isPresent()) {
                String v = declared.get().value();
                if (Values.isPlaceholder(v) || v.matches("(?i).*-X+$")) {
                    diags.add(Diagnostic.warning(path, declared.get().line(), 1, "placeholder",
                            "the id is a template placeholder: " + v, "give the spec its real id"));
                } else if (!v.isBlank() && !Values.isEmptyWord(v)) {
                    id = Values.words(v).isEmpty() ? v : Values.words(v).get(0);
                }
            }
            if (id == null && idFromTitle != null) {
                if (idFromTitle.matches("(?i).*-X+$")) {
                    diags.add(Diagnostic.warning(path, titleLine, 1, "placeholder",
                            "the id in the title is a template placeholder: " + idFromTitle, "give the spec its real id"));
                } else {
                    id = idFromTitle;
                }
            }
            if (id != null && !id.matches("[\\p{L}\\p{N}._-]{1,80}")) {
                String cleaned = id.replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^-+|-+$", "");
                diags.add(Diagnostic.warning(path, declared.map(MetaEntry::line).orElse(titleLine), 1, "invalid-id",
                        "id '" + id + "' holds characters that cannot be in a URL; using '" + cleaned + "'",
                        "use letters, digits, '.', '_' and '-'"));
                id = cleaned.isEmpty() ? null : cleaned;
            }
            String declaredId = id;
            if (id == null) {
                id = derivedId(path);
            }
            return new String[] {title, id, declaredId};
        }

        /** With no H1: a first paragraph that is one short, wholly emphasised line. */
        String plainTitleLine() {
            Node n = doc.getFirstChild();
            if (n instanceof Paragraph p) {
                String raw = p.getChars().toString().strip();
                if (!raw.contains("\n") && raw.length() <= 120 && raw.matches("^(\\*\\*|__)[^*_].*\\1$")) {
                    String t = Values.plain(raw);
                    if (!t.isEmpty() && !Values.isPlaceholder(t)) {
                        p.unlink();
                        return t;
                    }
                }
            }
            return null;
        }

        // ---------------------------------------------------------------- structure

        boolean hasAcceptanceSection() {
            for (Node n : doc.getDescendants()) {
                if (n instanceof Heading h && ACCEPTANCE_SECTION.matcher(canonical(collapse(text(h)))).matches()) {
                    return true;
                }
            }
            return false;
        }

        /** A heading that is a requirement ({@code ### FR-1: Login}) gets the requirement id as anchor. */
        void markRequirementHeadings() {
            for (Node n : doc.getDescendants()) {
                if (n instanceof Heading h) {
                    Matcher m = requirementAtStart(collapse(text(h)));
                    if (m != null && requirementIds.add(m.group(1))) {
                        h.setAnchorRefId(m.group(1));
                    }
                }
            }
            requirementIds.clear();
        }

        Matcher requirementAtStart(String text) {
            Matcher m = Pattern.compile("^(" + config.requirementIds().pattern() + ")\\b\\s*[:.)\\-–—]?\\s*(.*)$",
                    Pattern.DOTALL).matcher(text);
            return m.matches() ? m : null;
        }

        void walk(Node node) {
            for (Node n = node.getFirstChild(); n != null; ) {
                Node next = n.getNext();
                visit(n);
                n = next;
            }
        }

        void visit(Node n) {
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
                paragraph(p);
            }
            if (n instanceof TableBlock t) {
                table(t);
            }
            if (n instanceof Link || n instanceof Image || n instanceof AutoLink || n instanceof LinkRef
                    || n instanceof ImageRef) {
                link(n);
            }
            if (n instanceof Text t) {
                mentions(t);
                return;
            }
            walk(n);
        }

        void heading(Heading h) {
            String raw = collapse(text(h));
            String number = "";
            String title = raw;
            Matcher m = SECTION_NUMBER.matcher(raw);
            if (m.matches()) {
                number = m.group(1);
                title = m.group(2).strip();
            }
            int level = h.getLevel();
            sections.add(new Section(title, number, h.getAnchorRefId(), level, h.getStartLineNumber() + 1));
            currentSection = title;
            if (questionLevel > 0 && level <= questionLevel) {
                questionLevel = 0;
            }
            if (acceptanceLevel > 0 && level <= acceptanceLevel) {
                acceptanceLevel = 0;
            }
            if (approvalLevel > 0 && level <= approvalLevel) {
                approvalLevel = 0;
            }
            if (questionLevel == 0 && QUESTION_SECTION.matcher(title).matches()) {
                questionLevel = level;
            }
            if (acceptanceLevel == 0 && ACCEPTANCE_SECTION.matcher(title).matches()) {
                acceptanceLevel = level;
            }
            if (approvalLevel == 0 && APPROVAL_SECTION.matcher(title).matches()) {
                approvalLevel = level;
            }
            Matcher r = requirementAtStart(raw);
            if (r != null) {
                addRequirement(r.group(1), r.group(2), h, h.getAnchorRefId());
            }
        }

        /** A list item: requirement, checklist item, open question or sign-off. */
        void listItem(ListItem item, boolean topLevel) {
            String text = itemText(item);
            int line = item.getStartLineNumber() + 1;
            Matcher r = requirementAtStart(text);
            if (r != null) {
                addRequirement(r.group(1), r.group(2), item, null);
            }
            boolean isTask = item instanceof TaskListItem;
            boolean done = isTask && ((TaskListItem) item).isItemDoneMarker();
            if (questionLevel > 0 && topLevel) {
                question(item, text, done || struck(item), line);
                return;
            }
            if (approvalLevel > 0) {
                if (isTask) {
                    approvalFromTask(text, done, line);
                    return;
                }
            }
            if (isTask) {
                boolean acceptance = acceptanceLevel > 0 || !anyAcceptanceSection;
                checklist.add(new ChecklistItem(shortText(text), done, acceptance, currentSection, line));
                if (acceptance) {
                    state.addClass(item, "acceptance");
                }
            }
        }

        void question(Node block, String text, boolean resolved, int line) {
            String t = shortText(text);
            String raw = block instanceof ListItem li && li.getFirstChild() instanceof Paragraph p
                    ? collapse(p.getChars().toString()) : t;
            if (Values.isPlaceholder(raw)) {
                t = raw;
            }
            if (t.isEmpty() || Values.isPlaceholder(t) || t.matches("(?i)^(?:none|n/?a|nothing|no open questions)\\.?$")) {
                if (Values.isPlaceholder(t)) {
                    diags.add(Diagnostic.warning(path, line, 1, "placeholder",
                            "open question is a template placeholder: " + t, "write the question or remove the line"));
                }
                return;
            }
            String anchor = anchorFor(block, "q-" + (questions.size() + 1));
            state.addClass(block, resolved ? "open-question resolved" : "open-question");
            questions.add(new OpenQuestion(t, anchor, line, resolved, "section"));
        }

        String anchorFor(Node block, String proposed) {
            String existing = state.anchors.get(block);
            if (existing != null) {
                return existing;
            }
            state.anchors.put(block, proposed);
            return proposed;
        }

        boolean struck(ListItem item) {
            Node first = item.getFirstChild();
            if (first instanceof Paragraph p) {
                String raw = p.getChars().toString().strip();
                return raw.startsWith("~~") && raw.endsWith("~~")
                        || raw.matches("(?i)^(?:resolved|answered|decided|done)\\b.*");
            }
            return false;
        }

        void paragraph(Paragraph p) {
            Node parent = p.getParent();
            boolean inItem = parent instanceof ListItem;
            String raw = p.getChars().toString();
            int line = p.getStartLineNumber() + 1;
            Node block = inItem ? parent : p;
            if (!inItem) {
                String text = collapse(text(p));
                Matcher r = requirementAtStart(text);
                if (r != null) {
                    addRequirement(r.group(1), r.group(2), p, null);
                }
                if (summary.isEmpty() && questionLevel == 0 && !text.isBlank() && parent instanceof Document) {
                    summary = Values.shorten(text, 280);
                }
                if (questionLevel > 0 && parent instanceof Document && text.contains("?")) {
                    question(p, text, false, line);
                }
            }
            if (approvalLevel > 0) {
                for (String l : raw.split("\n")) {
                    for (KeyValue kv : KeyValue.parseLine(l)) {
                        approvalFromPair(kv.key(), kv.value(), line);
                    }
                    line++;
                }
                line = p.getStartLineNumber() + 1;
            }
            Matcher m = NEEDS_CLARIFICATION.matcher(raw);
            while (m.find()) {
                String q = m.group(1).strip();
                String anchor = anchorFor(block, "q-" + (questions.size() + 1));
                state.addClass(block, "open-question");
                questions.add(new OpenQuestion(q.isEmpty() ? "Needs clarification" : Values.plain(q), anchor,
                        lineOf(p.getStartOffset() + m.start()), false, "needs-clarification"));
            }
            m = UNRESOLVED_BLOCK.matcher(raw);
            while (m.find()) {
                String label = m.group(1).replaceFirst("^[-:\\s]+", "").strip();
                String after = raw.substring(m.end()).strip();
                String q = !label.isEmpty() ? label : Values.shorten(Values.plain(after.split("\n")[0]), 200);
                String anchor = anchorFor(block, "q-" + (questions.size() + 1));
                state.addClass(block, "open-question");
                questions.add(new OpenQuestion(q.isEmpty() ? "Unresolved" : q, anchor,
                        lineOf(p.getStartOffset() + m.start()), false, "unresolved-block"));
            }
            if (questionLevel == 0 && TBD.matcher(raw).find() && !state.classes.getOrDefault(block, "").contains("open-question")) {
                String text = collapse(text(p));
                String anchor = anchorFor(block, "q-" + (questions.size() + 1));
                state.addClass(block, "open-question");
                questions.add(new OpenQuestion(Values.shorten(sentenceAround(text, "TBD"), 200), anchor, line, false, "tbd"));
            }
        }

        void table(TableBlock t) {
            List<String> header = new ArrayList<>();
            for (Node part = t.getFirstChild(); part != null; part = part.getNext()) {
                for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                    if (!(row instanceof TableRow)) {
                        continue;
                    }
                    List<String> cells = new ArrayList<>();
                    for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                        if (c instanceof TableCell) {
                            cells.add(collapse(text(c)));
                        }
                    }
                    if (part instanceof TableHead) {
                        header = cells;
                        continue;
                    }
                    if (!cells.isEmpty()) {
                        Matcher r = requirementAtStart(cells.get(0));
                        if (r != null && r.group(2).isBlank() && cells.size() > 1) {
                            addRequirement(r.group(1), cells.get(1), row, null);
                        }
                    }
                    if (approvalLevel > 0 && cells.size() >= 2) {
                        approvalFromRow(header, cells, row.getStartLineNumber() + 1);
                    }
                }
            }
        }

        void addRequirement(String id, String text, Node block, String anchor) {
            int line = block.getStartLineNumber() + 1;
            if (!requirementIds.add(id)) {
                diags.add(Diagnostic.warning(path, line, 1, "duplicate-requirement",
                        "requirement " + id + " is defined twice", "give each requirement its own id"));
                return;
            }
            if (anchor == null) {
                state.anchors.putIfAbsent(block, id);
            }
            state.addClass(block, "requirement");
            requirements.add(new Requirement(id, Values.shorten(Values.plain(text), 400), currentSection, line));
        }

        // ---------------------------------------------------------------- approvals

        void approvalFromPair(String role, String value, int line) {
            String v = value.strip();
            String r = Values.plain(role);
            if (r.isEmpty() || r.length() > 60) {
                return;
            }
            String[] parts = v.split("\\s+[-–—]\\s+|\\s*\\(\\s*|\\s*\\)\\s*|\\s*,\\s*", 2);
            String name = Values.plain(parts[0]);
            String rest = parts.length > 1 ? parts[1] : "";
            String stateWord = approvalState(rest.isEmpty() ? v : rest);
            boolean namePlaceholder = name.isEmpty() || Values.isPlaceholder(name) || Values.isPlaceholder(v);
            if (namePlaceholder) {
                approvals.add(new Approval(r, null, "missing", line));
                return;
            }
            if (stateWord == null) {
                stateWord = "pending";
            }
            approvals.add(new Approval(r, name, stateWord, line));
        }

        void approvalFromTask(String text, boolean done, int line) {
            List<KeyValue> kvs = KeyValue.parseLine(text);
            String role;
            String name;
            if (!kvs.isEmpty()) {
                role = Values.plain(kvs.get(0).key());
                name = Values.plain(kvs.get(0).value());
            } else {
                String[] p = Values.plain(text).split("\\s+[-–—]\\s+|\\s*\\(", 2);
                role = p[0].strip();
                name = p.length > 1 ? p[1].replace(")", "").strip() : null;
            }
            if (name != null && (name.isEmpty() || Values.isPlaceholder(name))) {
                name = null;
            }
            approvals.add(new Approval(role, name, done ? "approved" : (name == null ? "missing" : "pending"), line));
        }

        void approvalFromRow(List<String> header, List<String> cells, int line) {
            int roleCol = 0;
            int nameCol = 1;
            int stateCol = -1;
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i).toLowerCase(Locale.ROOT);
                if (h.matches(".*\\b(role|area|team|function)\\b.*")) {
                    roleCol = i;
                } else if (h.matches(".*\\b(name|approver|reviewer|who|owner|person)\\b.*")) {
                    nameCol = i;
                } else if (h.matches(".*\\b(status|state|decision|approval|approved|sign[- ]?off|result)\\b.*")) {
                    stateCol = i;
                }
            }
            if (roleCol >= cells.size() || nameCol >= cells.size()) {
                return;
            }
            String role = Values.plain(cells.get(roleCol));
            String name = Values.plain(cells.get(nameCol));
            String st = stateCol >= 0 && stateCol < cells.size() ? approvalState(cells.get(stateCol)) : null;
            if (name.isEmpty() || Values.isPlaceholder(name)) {
                approvals.add(new Approval(role, null, "missing", line));
            } else {
                approvals.add(new Approval(role, name, st == null ? "pending" : st, line));
            }
        }

        String approvalState(String s) {
            String v = s.toLowerCase(Locale.ROOT);
            if (Values.isPlaceholder(s.strip()) || v.contains("approved/pending") || v.contains("[approved")) {
                return null;
            }
            if (v.matches("(?s).*(approved|signed|lgtm|accepted|\\byes\\b|✅|✔|☑|\\bok\\b|\\[x\\]).*")) {
                return v.matches("(?s).*\\b(not|un)\\s*approved.*") ? "pending" : "approved";
            }
            if (v.matches("(?s).*(rejected|declined|blocked|denied|❌|✗|\\bno\\b).*")) {
                return "rejected";
            }
            if (v.matches("(?s).*(pending|waiting|requested|awaiting|in review|todo|to do|\\[ \\]|⏳|not yet).*")) {
                return "pending";
            }
            return null;
        }

        // ---------------------------------------------------------------- links and mentions

        void link(Node n) {
            String url;
            String kind = n instanceof Image || n instanceof ImageRef ? "image" : "link";
            if (n instanceof Link l) {
                url = l.getUrl().toString();
            } else if (n instanceof Image i) {
                url = i.getUrl().toString();
            } else if (n instanceof AutoLink a) {
                url = a.getUrl().toString();
            } else if (n instanceof MailLink) {
                return;
            } else {
                Reference ref = n instanceof LinkRef lr ? lr.getReferenceNode(doc) : ((ImageRef) n).getReferenceNode(doc);
                if (ref == null) {
                    return;
                }
                url = ref.getUrl().toString();
            }
            url = url.strip();
            Matcher s = SCHEME.matcher(url);
            int line = lineOf(n.getStartOffset());
            int col = column(n.getStartOffset());
            if (s.find()) {
                String scheme = s.group(1).toLowerCase(Locale.ROOT);
                if (!SAFE_SCHEMES.contains(scheme)) {
                    state.unsafe.put(n, true);
                    diags.add(Diagnostic.warning(path, line, col, "unsafe-link",
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
            state.links.put(n, index);
            links.add(new SpecLink(index, kind, url, context(n), line, col));
        }

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
            for (MentionRules.Mention m : mentionRules.find(chars)) {
                if (m.kind() == MentionRules.Kind.ID && m.anchor() == null
                        && config.requirementIds().matcher(m.id()).matches()) {
                    continue;
                }
                if (m.start() > last) {
                    parts.add(new Text(chars.subSequence(last, m.start())));
                }
                int index = links.size();
                String target = chars.subSequence(m.start(), m.end()).toString();
                links.add(new SpecLink(index, "mention", target, context(t),
                        lineOf(t.getStartOffset() + m.start()), column(t.getStartOffset() + m.start())));
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

        /** The text of the block a node stands in, shortened, for "Referenced by" lists. */
        String context(Node n) {
            Node b = n;
            while (b != null && !(b instanceof Paragraph || b instanceof Heading || b instanceof TableCell)) {
                b = b.getParent();
            }
            if (b == null) {
                return "";
            }
            return Values.shorten(collapse(text(b)), 240);
        }

        // ---------------------------------------------------------------- the spec

        Spec buildSpec(String title, String id, boolean declaredId, String text) {
            Status status = status();
            String created = date("created");
            String updated = date("updated");
            List<String> owners = new ArrayList<>();
            for (MetaEntry e : byField.getOrDefault("owners", List.of())) {
                if (Values.isPlaceholder(e.value())) {
                    diags.add(Diagnostic.warning(path, e.line(), 1, "placeholder",
                            "'" + e.key() + "' is a template placeholder: " + e.value(), "name the owner"));
                    continue;
                }
                for (String p : Values.people(e.value())) {
                    if (!owners.contains(p)) {
                        owners.add(p);
                    }
                }
            }
            List<String> tags = new ArrayList<>();
            byField.getOrDefault("tags", List.of()).forEach(e -> Values.words(e.value()).forEach(w -> {
                if (!tags.contains(w)) {
                    tags.add(w);
                }
            }));
            List<String> aliases = new ArrayList<>();
            byField.getOrDefault("aliases", List.of()).forEach(e -> aliases.addAll(Values.words(e.value())));
            List<Relation> relations = new ArrayList<>();
            for (Map.Entry<String, List<MetaEntry>> e : byField.entrySet()) {
                if (!isRelation(e.getKey())) {
                    continue;
                }
                for (MetaEntry m : e.getValue()) {
                    for (String part : m.value().split("\\s*[,;]\\s*")) {
                        String target = Values.linkTarget(part).filter(u -> !u.isBlank()).orElse(Values.plain(part));
                        target = target.strip();
                        if (!target.isEmpty() && !Values.isPlaceholder(target) && !Values.isEmptyWord(target)
                                && !target.contains(" ")) {
                            relations.add(new Relation(e.getKey(), target, m.line()));
                        } else if (Values.isPlaceholder(target)) {
                            diags.add(Diagnostic.warning(path, m.line(), 1, "placeholder",
                                    "'" + m.key() + "' is a template placeholder: " + target, null));
                        }
                    }
                }
            }
            return new Spec(path, id, !declaredId, title, status, owners, created, updated, tags, aliases, metadata,
                    sections, requirements, checklist, questions, approvals, relations, links, summary,
                    words(text), file.hash());
        }

        Status status() {
            Optional<MetaEntry> e = first("status");
            if (e.isEmpty() || e.get().value().isBlank()) {
                diags.add(Diagnostic.info(path, 1, 1, "no-status", "no status declared",
                        "add a line such as '**Status**: Draft' (one of: " + config.statuses().allowed() + ")"));
                return Status.NONE;
            }
            String v = e.get().value();
            String[] alternatives = v.replaceAll("^\\[|\\]$", "").split("\\s*[|/]\\s*");
            if (alternatives.length >= 2) {
                long known = Arrays.stream(alternatives).filter(a -> config.statuses().match(a).isPresent()).count();
                if (known >= 2) {
                    diags.add(Diagnostic.warning(path, e.get().line(), 1, "placeholder",
                            "status still lists the template's choices: " + v,
                            "keep one of: " + config.statuses().allowed()));
                    return Status.NONE;
                }
            }
            if (Values.isPlaceholder(v)) {
                diags.add(Diagnostic.warning(path, e.get().line(), 1, "placeholder",
                        "status is a template placeholder: " + v, "use one of: " + config.statuses().allowed()));
                return Status.NONE;
            }
            Optional<String> slug = config.statuses().match(v);
            if (slug.isEmpty()) {
                diags.add(Diagnostic.warning(path, e.get().line(), 1, "unknown-status",
                        "unknown status '" + v + "'", "use one of: " + config.statuses().allowed()
                                + " (or add an alias in specsite.status.<status>.aliases)"));
                return new Status(null, v);
            }
            return new Status(slug.get(), v);
        }

        String date(String field) {
            Optional<MetaEntry> e = first(field);
            if (e.isEmpty()) {
                return null;
            }
            Values.DateValue d = Values.date(e.get().value());
            if (d.placeholder()) {
                diags.add(Diagnostic.warning(path, e.get().line(), 1, "placeholder",
                        "'" + e.get().key() + "' is a template placeholder: " + e.get().value(), "write the date as YYYY-MM-DD"));
            } else if (d.invalid()) {
                diags.add(Diagnostic.warning(path, e.get().line(), 1, "invalid-date",
                        "cannot read the date '" + e.get().value() + "'", "write the date as YYYY-MM-DD"));
            }
            return d.iso();
        }

        // ---------------------------------------------------------------- helpers

        String itemText(ListItem item) {
            Node first = item.getFirstChild();
            if (first instanceof Paragraph) {
                return collapse(text(first));
            }
            return collapse(text(item));
        }

        int lineOf(int offset) {
            int i = Arrays.binarySearch(lineStarts, offset);
            return (i >= 0 ? i : -i - 2) + 1;
        }

        int column(int offset) {
            int line = lineOf(offset);
            return offset - lineStarts[line - 1] + 1;
        }
    }

    // -------------------------------------------------------------------- static helpers

    static String text(Node n) {
        return new TextCollectingVisitor().collectAndGetText(n);
    }

    static String collapse(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    static String shortText(String s) {
        return Values.shorten(s, 400);
    }

    static String canonical(String headingText) {
        Matcher m = SECTION_NUMBER.matcher(headingText);
        return m.matches() ? m.group(2).strip() : headingText;
    }

    static String sentenceAround(String text, String word) {
        int i = text.indexOf(word);
        if (i < 0) {
            return text;
        }
        int start = Math.max(text.lastIndexOf(". ", i) + 2, 0);
        int end = text.indexOf(". ", i);
        return text.substring(Math.min(start, i), end < 0 ? text.length() : end + 1).strip();
    }

    static int[] lineStarts(String s) {
        int count = 1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int k = 1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                starts[k++] = i + 1;
            }
        }
        return starts;
    }

    static int words(String text) {
        int count = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean ws = Character.isWhitespace(text.charAt(i));
            if (!ws && !in) {
                count++;
            }
            in = !ws;
        }
        return count;
    }

    /** The title a file name gives: no extension, no leading number or date, dashes and underscores as spaces. */
    public static String titleFromFileName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("(?i)\\.(md|markdown)$", "");
        String t = name.replaceFirst("^\\d{4}-\\d{2}-\\d{2}[-_ ]+", "").replaceFirst("^\\d+[-_. ]+(?=.)", "");
        t = t.replace('-', ' ').replace('_', ' ').replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? name : t;
    }

    /** The id of a spec that declares none: its file name without extension. */
    public static String derivedId(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("(?i)\\.(md|markdown)$", "");
        String id = name.replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^-+|-+$", "");
        return id.isEmpty() ? "spec" : id;
    }
}
