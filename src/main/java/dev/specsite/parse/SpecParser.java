package dev.specsite.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
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
import com.vladsch.flexmark.ast.SoftLineBreak;
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
import com.vladsch.flexmark.util.sequence.BasedSequence;

import dev.specsite.config.ConfigLoader;
import dev.specsite.config.MentionRules;
import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.model.Approval;
import dev.specsite.model.ChecklistItem;
import dev.specsite.model.MetaEntry;
import dev.specsite.model.OpenQuestion;
import dev.specsite.model.RelatedDocument;
import dev.specsite.model.Relation;
import dev.specsite.model.Requirement;
import dev.specsite.model.Risk;
import dev.specsite.model.Section;
import dev.specsite.model.Sidecar;
import dev.specsite.model.SourceFile;
import dev.specsite.model.Spec;
import dev.specsite.model.SpecLink;
import dev.specsite.model.Status;
import dev.specsite.model.UserStory;

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
            "(?i)^(?!.*\\banswers?\\b|.*\\bfaqs?\\b|.*\\bfrequently\\b)"
            + "(?:(?:open|unresolved|outstanding|remaining|pending|unanswered)\\s+(?:questions?|issues?|items?|points?|decisions?|problems?)|questions?|unresolved)\\b(?!\\s*:).*");
    /** A line of a byline that names a person: two to four capitalised words, perhaps an e-mail address. */
    static final Pattern BYLINE_PERSON = Pattern.compile(
            "^\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|de|van|von|der|da|di|le|la)){1,3}"
            + "(?:\\s*[<(][^\\s<>()@]+@[^\\s<>()]+[>)])?$");
    /** Fields that hold one value: a second one is a duplicate. */
    static final Set<String> SINGLE_FIELDS = Set.of("title", "id", "status", "created", "updated");
    /** A capitalised key with a colon inside a metadata value. */
    static final Pattern EMBEDDED_KEY = Pattern.compile("(?<=\\s)(\\p{Lu}[\\w()]*(?: [\\w()]+){0,2}):\\s+");
    /** A value that is only a bracketed label: {@code [Ann Lee]}. */
    static final Pattern REFERENCE_ONLY = Pattern.compile("^\\[([^\\]\\[]+)\\]$");
    /** A heading that is itself one question: {@code ### Open question: naming}. */
    static final Pattern QUESTION_HEADING = Pattern.compile(
            "(?i)^(?:open|unresolved|outstanding)\\s+question\\s*[:：\\-–—]\\s*(.+)$");
    static final Pattern ACCEPTANCE_SECTION = Pattern.compile(
            "(?i)^(?:acceptance(?:\\s+criteria|\\s+tests?)?|definition\\s+of\\s+done|success\\s+criteria|exit\\s+criteria|done\\s+criteria)\\b.*");
    static final Pattern APPROVAL_SECTION = Pattern.compile(
            "(?i)^(?:approvals?|sign[- ]?offs?|signoffs?|approvers?|reviewers?(?:\\s+and\\s+approvers?)?|stakeholder\\s+sign[- ]?offs?|review\\s+and\\s+approval)\\b.*");
    static final Pattern RISK_SECTION = Pattern.compile(
            "(?i)^(?:(?:key|known|main|major|technical|project|potential|identified|open)\\s+)?risks?"
            + "(?:\\s*(?:,|and|&|/)\\s*(?:mitigations?|unknowns?|assumptions?|dependencies|issues|concerns|trade-?offs))*$");
    static final Pattern RELATED_SECTION = Pattern.compile(
            "(?i)^(?:related(?:\\s+(?:documents?|docs|documentation|specs?|specifications|work|links|reading|resources|proposals|rfcs|designs?))?"
            + "|references?|see\\s+also|further\\s+reading)$");
    static final Pattern USER_STORY = Pattern.compile(
            "(?i)^(?:[\\p{L}\\d #.-]{1,30}:\\s*)?as\\s+an?\\s+(.+?)\\s*,?\\s+I\\s+(?:want|need|would\\s+like|wish|expect)\\s+(.+?)"
            + "(?:\\s*,?\\s+so\\s+(?:that\\s+)?(.+?))?[\\s.]*$");
    static final Pattern MITIGATION = Pattern.compile(
            "(?i)^(.*?)[\\s.;,—–-]*\\b(?:mitigations?|mitigated by|mitigation plan)\\s*[:：-]\\s*(.+)$");
    static final Pattern OVERVIEW_SECTION = Pattern.compile(
            "(?i)^(?:overview|metadata|document\\s+(?:info|information|control|metadata)|status|summary|header)$");
    static final Pattern GENERIC_SECTION = Pattern.compile(
            "(?i)^(?:summary|abstract|motivation|background|introduction|overview|context|problem(?: statement)?|goals|"
            + "description|rationale|proposal|detailed design|guide-level explanation|table of contents|contents)$");
    static final Pattern NEEDS_CLARIFICATION = Pattern.compile("\\[NEEDS CLARIFICATION:?\\s*([^\\]\\[]{0,1000})\\]");
    static final Pattern UNRESOLVED_BLOCK = Pattern.compile("<<\\[UNRESOLVED([^\\]\\[]{0,200})\\]>>");
    static final Pattern TBD = Pattern.compile("\\bTBD\\b");
    static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "ftp", "ftps", "tel", "irc", "news", "xmpp");

    private final SiteConfig config;
    private final Markdown markdown = new Markdown();
    private final RawHtml raw = new RawHtml();
    /** A text that starts with a requirement id ({@code FR-1: …}). */
    private final Pattern requirementStart;

    private final MentionRules mentionRules;
    /** The time one file may take to parse ({@code specsite.parse.budget-ms}). */
    private final long budgetMillis;

    public SpecParser(SiteConfig config) {
        this.config = config;
        this.budgetMillis = Long.parseLong(config.values().getOrDefault("specsite.parse.budget-ms", "10000").strip());
        this.mentionRules = MentionRules.of(config);
        this.requirementStart = Pattern.compile("^(" + config.requirementIds().pattern() + ")\\b\\s*[:.)\\-–—]?\\s*(.*)$",
                Pattern.DOTALL);
    }

    /** Parses one file. Never throws for bad input: problems become diagnostics. */
    public ParsedSpec parse(SourceFile file) {
        try {
            return new Run(file).run();
        } catch (ParseBudget.Exceeded e) {
            return unformatted(file, Diagnostic.error(file.path(), 1, 1, "parse-budget",
                    "this file took longer than " + budgetMillis + " ms to read; the page shows its text unformatted",
                    "simplify its Markdown, or raise specsite.parse.budget-ms"));
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            // a bug met on some input: the file still gets a page, and the problem is reported
            String where = e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : "";
            return unformatted(file, Diagnostic.error(file.path(), 1, 1, "parse-failed",
                    "specsite could not read this file (" + e + where + ")",
                    "please report this with the file; the page shows the text unformatted"));
        }
    }

    /**
     * The id a spec's file name starts with ({@code SPEC-4273} of {@code SPEC-4273-delegated-password-reset.md}),
     * read by the id mention patterns, or {@code null}.
     */
    String fileNameId(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("(?i)\\.(md|markdown)$", "");
        return mentionRules.idAtStartOf(name);
    }

    /** The page of a file that could not be parsed: its text, preformatted, and why. */
    private ParsedSpec unformatted(SourceFile file, Diagnostic why) {
        String named = fileNameId(file.path());
        String title = titleFromFileName(file.path(), named);
        Spec spec = new Spec(file.path(), named != null ? named : derivedId(file.path()), named == null, title, Status.NONE, List.of(), null, null,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), "", words(file.text()), file.hash(), List.of(), List.of(), List.of());
        String html = "<pre>" + org.jsoup.nodes.Entities.escape(file.text()) + "</pre>";
        return new ParsedSpec(spec, html, List.of(why));
    }

    /** The document of a file as parsed and prepared for rendering (the HTML renderer's tests). */
    Document prepared(SourceFile file) {
        Run run = new Run(file);
        run.prepare();
        return run.doc;
    }

    /** The flexmark setup this parser renders with (the HTML renderer's tests). */
    Markdown markdown() {
        return markdown;
    }

    /** A possible open question, kept until its section ends. */
    private record Candidate(Node block, String text, boolean resolved, int line) {
    }

    /** The work of parsing one document; not shared between threads. */
    private final class Run {
        final SourceFile file;
        final String path;
        final List<Diagnostic> diags = new ArrayList<>();
        final List<MetaEntry> metadata = new ArrayList<>();
        final Map<String, List<MetaEntry>> byField = new LinkedHashMap<>();
        /** Entries read from a sidecar file, and that file (by identity: equal entries may come from both). */
        final Map<MetaEntry, String> entryFiles = new java.util.IdentityHashMap<>();
        final List<Section> sections = new ArrayList<>();
        final List<Requirement> requirements = new ArrayList<>();
        final List<ChecklistItem> checklist = new ArrayList<>();
        final List<OpenQuestion> questions = new ArrayList<>();
        final List<Approval> approvals = new ArrayList<>();
        final List<SpecLink> links = new ArrayList<>();
        final Set<String> requirementIds = new HashSet<>();
        /** The file's text, line ends normalised, without a byte-order mark. */
        String text;
        int[] lineStarts;
        Document doc;
        DocState state;
        boolean rawHtml;
        /** The relative URLs raw HTML keeps, in the order written. */
        final List<RawHtml.Url> rawUrls = new ArrayList<>();
        String summary = "";
        // section context while walking
        String currentSection = "";
        int questionLevel = 0;
        /** Top-level list items of the current questions section, sub-sections included. */
        final List<Candidate> itemQuestions = new ArrayList<>();
        /** Sub-headings of the current questions section at the shallowest level below it. */
        final List<Candidate> headingQuestions = new ArrayList<>();
        /** Level of the sub-headings that are questions (the shallowest below the questions heading). */
        int questionChildLevel;
        int acceptanceLevel = 0;
        int riskLevel = 0;
        int relatedLevel = 0;
        final List<UserStory> stories = new ArrayList<>();
        final List<Risk> risks = new ArrayList<>();
        final List<RelatedDocument> related = new ArrayList<>();
        int approvalLevel = 0;
        boolean anyAcceptanceSection;
        /** Whether metadata lines stood before the first heading of a document without a title heading. */
        boolean zoneHadMetadata;
        /** The text of paragraphs, headings and table cells, read once: several steps read the same block. */
        final Map<Node, String> blockTexts = new java.util.IdentityHashMap<>();
        /** The link context of each block (its text, shortened), made once per block. */
        final Map<Node, String> contexts = new java.util.IdentityHashMap<>();

        /** The time this parse may take, from its start. */
        final ParseBudget budget;

        Run(SourceFile file) {
            this.file = file;
            this.path = file.path();
            this.budget = new ParseBudget(budgetMillis);
        }

        ParsedSpec run() {
            String[] titleAndId = prepare();
            if (rawHtml) {
                state.markPlaceholders(raw);
            }
            String html = markdown.render(doc);
            if (rawHtml) {
                html = raw.clean(html, rawUrls, u -> {
                    int index = links.size();
                    links.add(new SpecLink(index, u.attribute().equals("src") ? "image" : "link", u.value(),
                            context(u.node()), lineOf(u.offset()), column(u.offset())));
                    return index;
                });
            }
            Spec spec = buildSpec(titleAndId[0], titleAndId[1], titleAndId[2] != null, text);
            diags.sort(Diagnostic.ORDER);
            return new ParsedSpec(spec, html, diags);
        }

        /**
         * Parses the file and reads everything but the HTML: afterwards {@link #doc} is ready to
         * render. Returns the title, the id and whether the id was declared.
         */
        String[] prepare() {
            text = file.text().replace("\r\n", "\n").replace('\r', '\n');
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            FrontMatter fm = FrontMatter.parse(path, text);
            diags.addAll(fm.diagnostics());
            InputBounds.Bounded bounded = InputBounds.bound(path, fm.body());
            diags.addAll(bounded.diagnostics());
            String body = bounded.text();
            lineStarts = lineStarts(body);
            doc = markdown.parse(budget.guard(body));
            int unlinked = Markdown.AUTOLINKS_SKIPPED.get(doc);
            if (unlinked >= 0) {
                diags.add(Diagnostic.warning(path, lineOf(unlinked), column(unlinked), "too-many-escapes",
                        "a text of more than " + Markdown.MAX_ESCAPES + " backslash escapes and entities: its web and e-mail addresses are not made links",
                        "write fewer escapes, or split the paragraph"));
            }
            repairParents(doc);
            state = new DocState();
            doc.set(DocState.KEY, state);

            readFrontMatter(fm);
            Node titleHeading = firstH1();
            if (titleHeading == null && titleLikeHeading() instanceof Heading h && readMetadataZone(h)) {
                // '## Name' opening the file, followed by metadata lines: the title, one level down
                titleHeading = h;
            } else {
                zoneHadMetadata = readMetadataZone(titleHeading);
            }
            readOverviewSection();
            readSidecars();

            // title and id
            String h1 = titleHeading == null ? null : collapse(Values.plain(Sequences.string(((Heading) titleHeading).getText())));
            String[] titleAndId = titleAndId(h1, titleHeading);
            if (titleHeading != null) {
                titleHeading.unlink();
            }

            anyAcceptanceSection = hasAcceptanceSection();
            markRequirementHeadings();
            new HeaderIdGenerator(markdown.options()).generateIds(doc);
            walk(doc);
            flushQuestions();
            return titleAndId;
        }

        // ---------------------------------------------------------------- metadata

        void readFrontMatter(FrontMatter fm) {
            for (Map.Entry<String, Object> e : fm.values().entrySet()) {
                int line = fm.keyLines().getOrDefault(e.getKey(), 1);
                if (e.getValue() != null) {
                    addEntry(e.getKey(), yamlText(e.getValue()), line, 1);
                }
            }
        }

        /**
         * Merges the sidecar files of the document's folder ({@code specsite.metadata.sidecar}).
         * Per field, the document wins: a sidecar only fills fields the document leaves out, and a
         * different value for a field the document gives is a {@code sidecar-conflict} warning.
         * Between sidecars of one folder, the first file in the configured order wins per field
         * (again with a warning when another disagrees). Within one file, later synonyms of a
         * single-valued field ({@code stage} after {@code status}) are kept as extra metadata, as
         * are unknown keys.
         */
        void readSidecars() {
            if (file.sidecars().isEmpty()) {
                return;
            }
            Set<String> fromDocument = new HashSet<>(byField.keySet());
            Map<String, String> fromSidecar = new HashMap<>();
            for (Sidecar sc : file.sidecars()) {
                FrontMatter fm = FrontMatter.sidecar(sc.path(), sc.text());
                diags.addAll(fm.diagnostics());
                for (Map.Entry<String, Object> e : fm.values().entrySet()) {
                    if (e.getValue() == null) {
                        continue;
                    }
                    int line = fm.keyLines().getOrDefault(e.getKey(), 1);
                    String value = yamlText(e.getValue());
                    String f = field(e.getKey());
                    boolean earlierFile = f != null && fromSidecar.containsKey(f) && !fromSidecar.get(f).equals(sc.path());
                    if (f != null && (fromDocument.contains(f) || earlierFile)) {
                        MetaEntry mine = byField.get(f).get(0);
                        String where = earlierFile ? fromSidecar.get(f) : path;
                        if (!Values.plain(value).equalsIgnoreCase(mine.value())) {
                            diags.add(Diagnostic.warning(sc.path(), line, 1, "sidecar-conflict",
                                    "'" + e.getKey() + "' is '" + Values.shorten(Values.plain(value), 80) + "' here but '"
                                            + Values.shorten(mine.value(), 80) + "' in " + where + " (line " + mine.line()
                                            + "); the value of " + where + " is used",
                                    "keep the value in one place"));
                        }
                        continue;
                    }
                    if (f != null) {
                        fromSidecar.putIfAbsent(f, sc.path());
                    }
                    if (f != null && byField.containsKey(f) && SINGLE_FIELDS.contains(f)) {
                        MetaEntry extra = new MetaEntry(Values.plain(e.getKey()), null, Values.plain(value), line);
                        metadata.add(extra);
                        entryFiles.put(extra, sc.path());
                        continue;
                    }
                    addEntry(e.getKey(), value, line, 1, sc.path());
                }
            }
        }

        /** The file a metadata entry was read from: the document, or one of its sidecars. */
        String fileOf(MetaEntry e) {
            return entryFiles.getOrDefault(e, path);
        }

        /** A YAML value as one line of text: lists joined with commas, maps as {@code key: value} pairs. */
        String yamlText(Object v) {
            if (v instanceof List<?> list) {
                List<String> parts = new ArrayList<>();
                for (Object o : list) {
                    if (o != null) {
                        parts.add(yamlText(o));
                    }
                }
                return String.join(", ", parts);
            }
            if (v instanceof Map<?, ?> map) {
                List<String> parts = new ArrayList<>();
                map.forEach((k, x) -> parts.add(k + ": " + (x == null ? "" : yamlText(x))));
                return String.join(", ", parts);
            }
            return String.valueOf(v);
        }

        Node firstH1() {
            for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Heading h && h.getLevel() == 1) {
                    return GENERIC_SECTION.matcher(canonical(blockText(h))).matches() ? null : h;
                }
                if (n instanceof Heading) {
                    return null;
                }
            }
            return null;
        }

        /**
         * With no H1: the first block, when it is a level 2 or 3 heading that is not a usual section
         * name and the document has no H1 anywhere.
         */
        Node titleLikeHeading() {
            if (!(doc.getFirstChild() instanceof Heading h) || h.getLevel() > 3) {
                return null;
            }
            for (Node n = h.getNext(); n != null; n = n.getNext()) {
                if (n instanceof Heading other && other.getLevel() == 1) {
                    return null;
                }
            }
            String name = canonical(blockText(h));
            if (GENERIC_SECTION.matcher(name).matches() || OVERVIEW_SECTION.matcher(name).matches()
                    || QUESTION_SECTION.matcher(name).matches() || ACCEPTANCE_SECTION.matcher(name).matches()
                    || APPROVAL_SECTION.matcher(name).matches()) {
                return null;
            }
            return h;
        }

        /** Metadata lines between the title and the first heading; returns whether there were any. */
        boolean readMetadataZone(Node titleHeading) {
            Node start = titleHeading != null ? titleHeading.getNext() : doc.getFirstChild();
            List<Node> consumed = new ArrayList<>();
            boolean found = false;
            boolean bylineOpen = titleHeading != null;
            for (Node n = start; n != null && !(n instanceof Heading); n = n.getNext()) {
                if (n instanceof Paragraph p) {
                    if (readMetadataParagraph(p, false) || bylineOpen && readByline(p)) {
                        consumed.add(p);
                    } else {
                        bylineOpen = false;
                    }
                } else if (n instanceof BulletList || n instanceof OrderedList) {
                    if (readMetadataList((ListBlock) n, found || !consumed.isEmpty())) {
                        found = true;
                        if (!n.hasChildren()) {
                            consumed.add(n);
                        }
                    }
                } else if (n instanceof BlockQuote bq) {
                    boolean all = bq.hasChildren();
                    for (Node c = bq.getFirstChild(); c != null; c = c.getNext()) {
                        if (!(c instanceof Paragraph p && readMetadataParagraph(p, false))) {
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
            found |= !consumed.isEmpty();
            if (found) {
                Node first = titleHeading != null ? titleHeading.getNext() : doc.getFirstChild();
                if (first instanceof ThematicBreak) {
                    first.unlink();
                }
            }
            return found;
        }

        /**
         * A byline under the title, as Go design documents write it: lines that are each a person
         * ({@code Russ Cox}, {@code Ian Lance Taylor <iant@golang.org>}), a date ({@code July 2020})
         * or a bare URL, at least one of them a person or a date. People become authors, the date
         * {@code Date}.
         */
        boolean readByline(Paragraph p) {
            String[] lines = Sequences.string(p.getChars()).split("\n");
            if (lines.length > 6) {
                return false;
            }
            List<String[]> entries = new ArrayList<>();
            List<Integer> entryLines = new ArrayList<>();
            int first = startLine(p);
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i].replaceAll("(\\\\|\\s{2,})$", "").strip();
                if (l.isEmpty()) {
                    continue;
                }
                String plain = Values.plain(l);
                if (BYLINE_PERSON.matcher(plain).matches()) {
                    entries.add(new String[] {"Author", plain});
                    entryLines.add(first + i);
                } else if (plain.length() <= 40 && Values.date(plain).iso() != null
                        && plain.matches("(?i)^(?:(?:updated|revised|written)\\s+(?:on\\s+)?)?[\\p{L}\\d ,./-]+$")) {
                    entries.add(new String[] {"Date", plain});
                    entryLines.add(first + i);
                } else if (!plain.matches("^(?:https?://)?[\\w.-]+\\.[a-z]{2,}(?:/\\S*)?$")
                        && !l.matches("^\\(?\\[[^\\]]*\\]\\([^)]*\\)\\)?$")) {
                    return false;
                }
            }
            if (entries.isEmpty()) {
                return false;
            }
            for (int i = 0; i < entries.size(); i++) {
                addEntry(entries.get(i)[0], entries.get(i)[1], entryLines.get(i), 1);
            }
            return true;
        }

        /** Bold metadata lines in an Overview (or Metadata) section, as the technical-spec template has them. */
        void readOverviewSection() {
            for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Heading h && h.getLevel() >= 2) {
                    String title = canonical(blockText(h));
                    if (!OVERVIEW_SECTION.matcher(title).matches()) {
                        return; // only the first section is looked at
                    }
                    List<Node> consumed = new ArrayList<>();
                    for (Node c = h.getNext(); c != null && !(c instanceof Heading); c = c.getNext()) {
                        if (c instanceof Paragraph p && readMetadataParagraph(p, true)) {
                            consumed.add(p);
                        } else if (c instanceof BulletList bl && boldList(bl) && readMetadataList(bl, false)
                                && !bl.hasChildren()) {
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
                String first = item.getFirstChild() == null ? "" : Sequences.string(item.getFirstChild().getChars()).strip();
                if (!first.startsWith("**") && !first.startsWith("__")) {
                    return false;
                }
            }
            return true;
        }

        /** Reads a paragraph whose every line is a key/value pair; returns whether it was metadata. */
        /** A value that reads as a sentence: a link in it, or more than twelve words. */
        boolean isProse(String value) {
            return value.contains("](") || value.strip().split("\\s+").length > 12;
        }

        boolean readMetadataParagraph(Paragraph p, boolean boldOnly) {
            String[] lines = Sequences.string(p.getChars()).split("\n");
            List<KeyValue> pairs = new ArrayList<>();
            List<Integer> pairLines = new ArrayList<>();
            int first = startLine(p);
            boolean anyBold = false;
            boolean anyKnown = false;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                List<KeyValue> kvs = KeyValue.parseLine(lines[i]);
                if (kvs.isEmpty()) {
                    String l = lines[i].strip();
                    if (pairs.isEmpty() || l.startsWith("**") || l.startsWith("__") || l.startsWith("- ")
                            || l.startsWith("* ") || l.startsWith("#")) {
                        return false;
                    }
                    // a value wrapped onto the next line
                    KeyValue last = pairs.remove(pairs.size() - 1);
                    pairs.add(new KeyValue(last.key(), last.value() + " " + lines[i].strip(), last.bold(), last.column()));
                    continue;
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
            if (pairs.size() == 1 && !anyKnown && isProse(pairs.get(0).value())) {
                return false; // "**Note:** The trait described here was later [renamed](x.md)." is text, not metadata
            }
            int col = column(p.getStartOffset());
            for (int i = 0; i < pairs.size(); i++) {
                KeyValue kv = pairs.get(i);
                int c = i == 0 ? col + kv.column() : kv.column() + 1;
                // "Author(s): Ann Last Updated: 2019-02-20": a second known key run into the value
                String value = kv.value();
                Matcher m = EMBEDDED_KEY.matcher(value);
                while (m.find()) {
                    if (field(m.group(1)) != null) {
                        addEntry(kv.key(), value.substring(0, m.start()), pairLines.get(i), c);
                        addEntry(m.group(1), value.substring(m.end()), pairLines.get(i), c + m.start(1));
                        value = null;
                        break;
                    }
                }
                if (value != null) {
                    addEntry(kv.key(), value, pairLines.get(i), c);
                }
            }
            return true;
        }

        /**
         * Reads a list of {@code key: value} items. The list is metadata when most of its items are
         * (a Swift proposal's header has a plain link item among them) and one key is known, two
         * items are pairs, or metadata came just before ({@code afterMetadata}: a list of one
         * unknown key after a change of bullet character). Items read are removed from the body, unless they hold more than their
         * line (a nested list); a value may wrap onto the item's next lines.
         *
         * @return whether metadata was read; the list may keep its other items
         */
        boolean readMetadataList(ListBlock list, boolean afterMetadata) {
            List<KeyValue> pairs = new ArrayList<>();
            List<Integer> pairLines = new ArrayList<>();
            List<Node> whole = new ArrayList<>();
            boolean anyKnown = false;
            int items = 0;
            int kvItems = 0;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                items++;
                if (!(item instanceof ListItem) || !(item.getFirstChild() instanceof Paragraph p)) {
                    continue;
                }
                String[] lines = Sequences.string(p.getChars()).strip().split("\n");
                List<KeyValue> kvs = KeyValue.parseLine(lines[0]);
                if (kvs.isEmpty()) {
                    continue;
                }
                kvItems++;
                if (lines.length > 1) {
                    // a value wrapped onto the item's next lines
                    StringBuilder more = new StringBuilder(kvs.get(kvs.size() - 1).value());
                    for (int i = 1; i < lines.length; i++) {
                        more.append(' ').append(lines[i].strip());
                    }
                    KeyValue last = kvs.get(kvs.size() - 1);
                    kvs = new ArrayList<>(kvs);
                    kvs.set(kvs.size() - 1, new KeyValue(last.key(), more.toString().strip(), last.bold(), last.column()));
                }
                for (KeyValue kv : kvs) {
                    anyKnown |= field(kv.key()) != null;
                    pairs.add(kv);
                    pairLines.add(startLine(item));
                }
                if (item.getFirstChild() == item.getLastChild()) {
                    whole.add(item);
                }
            }
            if (pairs.isEmpty() || !(anyKnown || pairs.size() >= 2 || afterMetadata) || kvItems * 3 < items * 2
                    || kvItems < items && kvItems < 2) {
                return false;
            }
            for (int i = 0; i < pairs.size(); i++) {
                addEntry(pairs.get(i).key(), pairs.get(i).value(), pairLines.get(i), 3);
            }
            whole.forEach(Node::unlink);
            return true;
        }

        String field(String key) {
            return config.fields().get(ConfigLoader.normalizeKey(Values.plain(key)));
        }

        void addEntry(String key, String rawValue, int line, int column) {
            addEntry(key, rawValue, line, column, path);
        }

        /** Adds a metadata entry read from {@code from} (the document or a sidecar). */
        void addEntry(String key, String rawValue, int line, int column, String from) {
            Matcher ref = REFERENCE_ONLY.matcher(rawValue.strip());
            if (ref.matches() && hasReference(ref.group(1))) {
                rawValue = ref.group(1); // "[Ann Lee]" with a "[Ann Lee]: …" definition is a link, not a placeholder
            }
            String k = Values.plain(key);
            String f = field(k);
            String v = Values.plain(rawValue);
            if (v.regionMatches(true, 0, k + ":", 0, k.length() + 1)) {
                v = v.substring(k.length() + 1).strip(); // "Status: **Status: Draft**"
            }
            MetaEntry entry = new MetaEntry(k, f, v, line);
            if (!from.equals(path)) {
                entryFiles.put(entry, from);
            }
            if (f == null) {
                metadata.add(entry);
                return;
            }
            // keep the raw value for fields that may hold links (relations)
            MetaEntry kept = isRelation(f) ? new MetaEntry(k, f, rawValue.strip(), line) : entry;
            if (!from.equals(path)) {
                entryFiles.put(kept, from);
            }
            metadata.add(entry);
            byField.computeIfAbsent(f, x -> new ArrayList<>()).add(kept);
            if (SINGLE_FIELDS.contains(f)) {
                List<MetaEntry> same = byField.get(f);
                if (same.size() == 2) {
                    diags.add(Diagnostic.warning(from, line, column, "duplicate-metadata",
                            "'" + k + "' is given again; the first value (line " + same.get(0).line() + ") is used",
                            "remove one of the two"));
                }
            }
        }

        boolean hasReference(String label) {
            for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Reference r && Sequences.string(r.getReference()).strip().equalsIgnoreCase(label.strip())) {
                    return true;
                }
            }
            return false;
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
            int titleLine = titleHeading == null ? 1 : startLine(titleHeading);
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
                title = titleFromFileName(path, fileNameId(path));
                if (h1 == null) {
                    diags.add(Diagnostic.info(path, 1, 1, "no-title",
                            "no '# Title' heading; the title is taken from the file name", "start the file with '# Title'"));
                }
            }

            String id = null;
            Optional<MetaEntry> declared = first("id");
            if (declared.isPresent()) {
                String v = declared.get().value();
                if (Values.isPlaceholder(v) || v.matches("(?i).*-(?:X+|N{3,})$")) {
                    diags.add(Diagnostic.warning(fileOf(declared.get()), declared.get().line(), 1, "placeholder",
                            "the id is a template placeholder: " + v, "give the spec its real id"));
                } else if (!v.isBlank() && !Values.isEmptyWord(v)) {
                    id = Values.words(v).isEmpty() ? v : Values.words(v).get(0);
                }
            }
            if (id == null && idFromTitle != null) {
                if (idFromTitle.matches("(?i).*-(?:X+|N{3,})$")) {
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
            if (id == null) {
                // a file name that starts with an id (SPEC-4273-delegated-password-reset.md) names the spec as the text would
                id = fileNameId(path);
            }
            String declaredId = id;
            if (id == null) {
                id = derivedId(path);
            }
            return new String[] {title, id, declaredId};
        }

        /**
         * With no H1: a first paragraph that is one short line, wholly emphasised, or — when
         * metadata lines follow it — not ending like a sentence.
         */
        String plainTitleLine() {
            Node n = doc.getFirstChild();
            if (n instanceof Paragraph p) {
                String raw = Sequences.string(p.getChars()).strip();
                boolean emphasised = raw.matches("^(\\*\\*|__)[^*_].*\\1$");
                boolean sentence = Values.plain(raw).matches(".*[.,;:!?]$");
                boolean titleShaped = zoneHadMetadata && !raw.startsWith("<") && !raw.startsWith("[")
                        && !raw.startsWith("!") && KeyValue.parseLine(raw).isEmpty();
                if (!raw.contains("\n") && raw.length() <= 120 && !sentence && (emphasised || titleShaped)) {
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
                if (n instanceof Heading h && ACCEPTANCE_SECTION.matcher(canonical(blockText(h))).matches()) {
                    return true;
                }
            }
            return false;
        }

        /** A heading that is a requirement ({@code ### FR-1: Login}) gets the requirement id as anchor. */
        void markRequirementHeadings() {
            for (Node n : doc.getDescendants()) {
                if (n instanceof Heading h) {
                    Matcher m = requirementAtStart(blockText(h));
                    if (m != null && requirementIds.add(m.group(1))) {
                        h.setAnchorRefId(m.group(1));
                    }
                }
            }
            requirementIds.clear();
        }

        Matcher requirementAtStart(String text) {
            Matcher m = requirementStart.matcher(budget.guard(text));
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
                raw.check(n, n instanceof HtmlBlock b ? b.getContentChars() : n.getChars(), (offset, message) ->
                        diags.add(Diagnostic.warning(path, lineOf(offset), column(offset), "unsafe-html", message,
                                "specsite keeps only safe HTML: no script, event handlers, forms or frames")), rawUrls);
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
            String raw = blockText(h);
            String number = "";
            String title = raw;
            Matcher m = SECTION_NUMBER.matcher(raw);
            if (m.matches()) {
                number = m.group(1);
                title = m.group(2).strip();
            }
            int level = h.getLevel();
            sections.add(new Section(title, number, h.getAnchorRefId(), level, startLine(h)));
            currentSection = title;
            if (questionLevel > 0 && level <= questionLevel) {
                flushQuestions();
                questionLevel = 0;
            }
            if (questionLevel > 0) {
                if (questionChildLevel == 0 || level < questionChildLevel) {
                    questionChildLevel = level;
                }
                if (level == questionChildLevel) {
                    headingQuestions.add(new Candidate(h, title, false, startLine(h)));
                }
            }
            if (acceptanceLevel > 0 && level <= acceptanceLevel) {
                acceptanceLevel = 0;
            }
            if (riskLevel > 0 && level <= riskLevel) {
                riskLevel = 0;
            }
            if (relatedLevel > 0 && level <= relatedLevel) {
                relatedLevel = 0;
            }
            if (riskLevel == 0 && RISK_SECTION.matcher(title).matches()) {
                riskLevel = level;
            }
            if (relatedLevel == 0 && RELATED_SECTION.matcher(title).matches()) {
                relatedLevel = level;
            }
            if (approvalLevel > 0 && level <= approvalLevel) {
                approvalLevel = 0;
            }
            Matcher single = QUESTION_HEADING.matcher(title);
            if (questionLevel == 0 && single.matches()) {
                question(h, single.group(1).strip(), false, startLine(h));
            } else if (questionLevel == 0 && QUESTION_SECTION.matcher(title).matches()) {
                questionLevel = level;
                questionChildLevel = 0;
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
            int line = startLine(item);
            Matcher r = requirementAtStart(text);
            if (r != null) {
                addRequirement(r.group(1), r.group(2), item, null);
            }
            userStory(text, line);
            if (riskLevel > 0 && topLevel) {
                risk(text, line);
            }
            if (relatedLevel > 0 && topLevel) {
                relatedFrom(item, text, line);
            }
            boolean isTask = item instanceof TaskListItem;
            boolean done = isTask && ((TaskListItem) item).isItemDoneMarker();
            if (questionLevel > 0 && topLevel) {
                itemQuestions.add(new Candidate(item, text, done || struck(item), line));
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

        /**
         * Ends a questions section. Its questions are its top-level list items, wherever they stand
         * in it; a section without any list asks one question per sub-heading. Prose paragraphs are
         * discussion, not counted (the convention of the Rust RFCs' "Unresolved questions").
         */
        void flushQuestions() {
            List<Candidate> chosen = itemQuestions.isEmpty() ? headingQuestions : itemQuestions;
            for (Candidate c : chosen) {
                question(c.block(), c.text(), c.resolved(), c.line());
            }
            itemQuestions.clear();
            headingQuestions.clear();
        }

        void question(Node block, String text, boolean resolved, int line) {
            String t = shortText(text);
            String raw = block instanceof ListItem li && li.getFirstChild() instanceof Paragraph p
                    ? collapse(Sequences.string(p.getChars())) : t;
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
            String anchor = block instanceof Heading h && !h.getAnchorRefId().isEmpty() ? h.getAnchorRefId()
                    : anchorFor(block, "q-" + (questions.size() + 1));
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
                String raw = Sequences.string(p.getChars()).strip();
                return raw.startsWith("~~") && raw.endsWith("~~")
                        || raw.matches("(?i)^(?:resolved|answered|decided|done)\\b.*");
            }
            return false;
        }

        void paragraph(Paragraph p) {
            Node parent = p.getParent();
            boolean inItem = parent instanceof ListItem;
            String raw = Sequences.string(p.getChars());
            int line = startLine(p);
            Node block = inItem ? parent : p;
            if (!inItem) {
                String text = blockText(p);
                Matcher r = requirementAtStart(text);
                if (r != null) {
                    addRequirement(r.group(1), r.group(2), p, null);
                }
                userStories(raw, text, line);
                if (summary.isEmpty() && questionLevel == 0 && !text.isBlank() && parent instanceof Document) {
                    summary = Values.shorten(text, 280);
                }
            }
            if (approvalLevel > 0) {
                for (String l : raw.split("\n")) {
                    for (KeyValue kv : KeyValue.parseLine(l)) {
                        approvalFromPair(kv.key(), kv.value(), line);
                    }
                    line++;
                }
                line = startLine(p);
            }
            Matcher m = NEEDS_CLARIFICATION.matcher(raw.contains("[NEEDS CLARIFICATION") ? raw : "");
            while (m.find()) {
                String q = m.group(1).strip();
                String anchor = anchorFor(block, "q-" + (questions.size() + 1));
                state.addClass(block, "open-question");
                questions.add(new OpenQuestion(q.isEmpty() ? "Needs clarification" : Values.plain(q), anchor,
                        lineOf(p.getStartOffset() + m.start()), false, "needs-clarification"));
            }
            m = UNRESOLVED_BLOCK.matcher(raw.contains("<<[UNRESOLVED") ? raw : "");
            while (m.find()) {
                String label = m.group(1).replaceFirst("^[-:\\s]+", "").strip();
                int eol = raw.indexOf('\n', m.end());
                String after = raw.substring(m.end(), eol < 0 ? Math.min(raw.length(), m.end() + 400)
                        : Math.min(eol, m.end() + 400)).strip();
                String q = !label.isEmpty() ? label : Values.shorten(Values.plain(after), 200);
                String anchor = anchorFor(block, "q-" + (questions.size() + 1));
                state.addClass(block, "open-question");
                questions.add(new OpenQuestion(q.isEmpty() ? "Unresolved" : q, anchor,
                        lineOf(p.getStartOffset() + m.start()), false, "unresolved-block"));
            }
            String plainText = raw.contains("TBD") ? blockText(p) : "";
            if (questionLevel == 0 && TBD.matcher(plainText).find() && !state.classes.getOrDefault(block, "").contains("open-question")) {
                String text = plainText;
                String anchor = anchorFor(block, "q-" + (questions.size() + 1));
                state.addClass(block, "open-question");
                questions.add(new OpenQuestion(Values.shorten(sentenceAround(text, "TBD"), 200), anchor, line, false, "tbd"));
            }
        }

        void table(TableBlock t) {
            List<String> header = new ArrayList<>();
            for (Node part = t.getFirstChild(); part != null; part = part.getNext()) {
                if (part instanceof com.vladsch.flexmark.ext.tables.TableSeparator) {
                    continue; // the |---|---| line
                }
                for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                    if (!(row instanceof TableRow)) {
                        continue;
                    }
                    List<String> cells = new ArrayList<>();
                    for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                        if (c instanceof TableCell) {
                            cells.add(blockText(c));
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
                        approvalFromRow(header, cells, startLine(row));
                    }
                    if (riskLevel > 0 && !cells.isEmpty() && !cells.get(0).isBlank()) {
                        int mitigation = -1;
                        for (int i = 1; i < header.size(); i++) {
                            if (header.get(i).toLowerCase(Locale.ROOT).matches(".*\\b(mitigation|response|plan|handling)s?\\b.*")) {
                                mitigation = i;
                            }
                        }
                        String m = mitigation >= 0 && mitigation < cells.size() && !cells.get(mitigation).isBlank()
                                ? shortText(cells.get(mitigation)) : null;
                        addRisk(cells.get(0), m, startLine(row));
                    }
                }
            }
        }

        /** User stories of a paragraph: the whole of it, or one per line when several lines start with "As a". */
        /** Whether the text holds "as a" or "as an", in any case (a cheap test before the user-story patterns). */
        boolean mentionsAsA(String t) {
            for (int i = 0, n = t.length() - 4; i < n; i++) {
                char c = t.charAt(i);
                if ((c == 'a' || c == 'A') && (t.charAt(i + 1) == 's' || t.charAt(i + 1) == 'S')
                        && Character.isWhitespace(t.charAt(i + 2)) && (t.charAt(i + 3) == 'a' || t.charAt(i + 3) == 'A')
                        && (i == 0 || !Character.isLetter(t.charAt(i - 1)))) {
                    return true;
                }
            }
            return false;
        }

        void userStories(String raw, String text, int line) {
            if (!mentionsAsA(raw)) {
                return;
            }
            String[] lines = raw.split("\n");
            if (text.length() > 4_000) {
                return;
            }
            long starts = Arrays.stream(lines).filter(l -> Values.plain(l).matches("(?i)^(?:[\\p{L}\\d #.-]{1,30}:\\s*)?as\\s+an?\\s.*")).count();
            if (starts <= 1) {
                userStory(text, line);
                return;
            }
            for (int i = 0; i < lines.length; i++) {
                userStory(Values.plain(lines[i]), line + i);
            }
        }

        void userStory(String text, int line) {
            if (text.length() > 600) {
                return;
            }
            Matcher m = USER_STORY.matcher(text);
            if (m.matches() && !Values.isPlaceholder(m.group(1)) && !m.group(1).startsWith("[")) {
                stories.add(new UserStory(m.group(1).strip(), m.group(2).strip(),
                        m.group(3) == null ? null : m.group(3).strip(), currentSection, line));
            }
        }

        /** A risk item; "Risk — Mitigation: …" gives its mitigation. */
        void risk(String text, int line) {
            Matcher m = MITIGATION.matcher(text);
            if (m.matches() && !m.group(1).isBlank()) {
                addRisk(m.group(1), m.group(2), line);
            } else {
                addRisk(text, null, line);
            }
        }

        void addRisk(String text, String mitigation, int line) {
            String t = shortText(text.replaceFirst("(?i)^risk\\s*[:：-]\\s*", "").strip());
            if (t.isEmpty() || Values.isPlaceholder(t) || Values.isEmptyWord(t)
                    || t.matches("(?i)^(?:none|n/?a|no (?:known )?risks?)\\.?$")) {
                if (Values.isPlaceholder(t)) {
                    diags.add(Diagnostic.warning(path, line, 1, "placeholder",
                            "risk is a template placeholder: " + t, "name the risk or remove the line"));
                }
                return;
            }
            risks.add(new Risk(t, mitigation == null || mitigation.isBlank() ? null : shortText(mitigation), line));
        }

        /** An entry of a Related Documents section: its first link, or its text. */
        void relatedFrom(ListItem item, String text, int line) {
            String target = null;
            String title = text;
            for (Node n : item.getDescendants()) {
                if (n instanceof Link l) {
                    target = Sequences.string(l.getUrl()).strip();
                    String lt = collapse(text(l));
                    title = text.equals(lt) || lt.isEmpty() ? (lt.isEmpty() ? target : lt) : text;
                    break;
                }
                if (n instanceof AutoLink a) {
                    target = Sequences.string(a.getUrl()).strip();
                    break;
                }
                if (n instanceof LinkRef lr && lr.getReferenceNode(doc) != null) {
                    target = Sequences.string(lr.getReferenceNode(doc).getUrl()).strip();
                    break;
                }
            }
            String t = shortText(title);
            if (t.isEmpty() || Values.isPlaceholder(t) || Values.isEmptyWord(t)) {
                if (Values.isPlaceholder(t)) {
                    diags.add(Diagnostic.warning(path, line, 1, "placeholder",
                            "related document is a template placeholder: " + t, "link the document or remove the line"));
                }
                return;
            }
            related.add(new RelatedDocument(t, target == null || target.isEmpty() ? null : target, line));
        }

        void addRequirement(String id, String text, Node block, String anchor) {
            int line = startLine(block);
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
                url = Sequences.string(l.getUrl());
            } else if (n instanceof Image i) {
                url = Sequences.string(i.getUrl());
            } else if (n instanceof AutoLink a) {
                url = Sequences.string(a.getUrl());
            } else if (n instanceof MailLink) {
                return;
            } else {
                Reference ref = n instanceof LinkRef lr ? lr.getReferenceNode(doc) : ((ImageRef) n).getReferenceNode(doc);
                if (ref == null) {
                    return;
                }
                url = Sequences.string(ref.getUrl());
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
            for (MentionRules.Mention m : mentionRules.find(Sequences.string(chars), budget::guard)) {
                if (m.kind() == MentionRules.Kind.ID && m.anchor() == null
                        && config.requirementIds().matcher(m.id()).matches()) {
                    continue;
                }
                if (m.start() > last) {
                    parts.add(new Text(chars.subSequence(last, m.start())));
                }
                int index = links.size();
                String target = Sequences.string(chars.subSequence(m.start(), m.end()));
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
            // one string per block, however many links it holds: shared in memory and in the cache
            return contexts.computeIfAbsent(b, x -> Values.shorten(blockText(x), 240));
        }

        // ---------------------------------------------------------------- the spec

        Spec buildSpec(String title, String id, boolean declaredId, String text) {
            Status status = status();
            String created = date("created");
            String updated = date("updated");
            List<String> owners = new ArrayList<>();
            for (MetaEntry e : byField.getOrDefault("owners", List.of())) {
                if (Values.isPlaceholder(e.value())) {
                    diags.add(Diagnostic.warning(fileOf(e), e.line(), 1, "placeholder",
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
                            diags.add(Diagnostic.warning(fileOf(m), m.line(), 1, "placeholder",
                                    "'" + m.key() + "' is a template placeholder: " + target, null));
                        }
                    }
                }
            }
            return new Spec(path, id, !declaredId, title, status, owners, created, updated, tags, aliases, metadata,
                    sections, requirements, checklist, questions, approvals, relations, links, summary,
                    words(text), file.hash(), stories, risks, related);
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
                    diags.add(Diagnostic.warning(fileOf(e.get()), e.get().line(), 1, "placeholder",
                            "status still lists the template's choices: " + v,
                            "keep one of: " + config.statuses().allowed()));
                    return Status.NONE;
                }
            }
            if (Values.isPlaceholder(v)) {
                diags.add(Diagnostic.warning(fileOf(e.get()), e.get().line(), 1, "placeholder",
                        "status is a template placeholder: " + v, "use one of: " + config.statuses().allowed()));
                return Status.NONE;
            }
            Optional<String> slug = config.statuses().match(v);
            if (slug.isEmpty()) {
                diags.add(Diagnostic.warning(fileOf(e.get()), e.get().line(), 1, "unknown-status",
                        "unknown status '" + Values.shorten(v, 120) + "'", "use one of: " + config.statuses().allowed()
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
                diags.add(Diagnostic.warning(fileOf(e.get()), e.get().line(), 1, "placeholder",
                        "'" + e.get().key() + "' is a template placeholder: " + e.get().value(), "write the date as YYYY-MM-DD"));
            } else if (d.invalid()) {
                diags.add(Diagnostic.warning(fileOf(e.get()), e.get().line(), 1, "invalid-date",
                        "cannot read the date '" + e.get().value() + "'", "write the date as YYYY-MM-DD"));
            }
            return d.iso();
        }

        // ---------------------------------------------------------------- helpers

        /**
         * The text of a paragraph, heading or table cell, white space collapsed. Read once per block:
         * their text does not change after parsing (mentions are replaced by nodes of the same text).
         */
        String blockText(Node block) {
            return blockTexts.computeIfAbsent(block, b -> collapse(text(b)));
        }

        String itemText(ListItem item) {
            Node first = item.getFirstChild();
            if (first instanceof Paragraph) {
                return blockText(first);
            }
            return collapse(text(item));
        }

        /** The 1-based line a node starts on (flexmark's own line lookup scans the document each time). */
        int startLine(Node n) {
            return lineOf(n.getStartOffset());
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

    /**
     * Makes every child's parent the node whose child it is. flexmark's task-list pre-processor,
     * replacing a list item that holds several paragraphs, leaves the later ones pointing to the
     * replaced item; re-appending the children in order sets their parent again.
     */
    static void repairParents(Node root) {
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            List<Node> children = new ArrayList<>();
            boolean broken = false;
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                children.add(c);
                broken |= c.getParent() != n;
            }
            if (broken) {
                for (Node c : children) {
                    n.appendChild(c);
                }
            }
            children.forEach(todo::push);
        }
    }

    /**
     * The plain text of a node: text and code spans, link and image text, line breaks and block
     * boundaries as spaces; raw HTML and comments left out. (flexmark's own TextCollectingVisitor
     * fails an internal assertion on some inputs, so specsite collects text itself.)
     */
    static String text(Node n) {
        StringBuilder sb = new StringBuilder();
        collectText(n, sb);
        return sb.toString();
    }

    /** Backslash escapes removed ({@code \\*} is {@code *}); flexmark's own unescape is quadratic on long runs. */
    private static void unescape(String chars, StringBuilder sb) {
        if (chars.indexOf('\\') < 0) {
            sb.append(chars);
            return;
        }
        int n = chars.length();
        for (int i = 0; i < n; i++) {
            char c = chars.charAt(i);
            if (c == '\\' && i + 1 < n && isAsciiPunctuation(chars.charAt(i + 1))) {
                c = chars.charAt(++i);
            }
            sb.append(c);
        }
    }

    private static boolean isAsciiPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }

    private static void collectText(Node n, StringBuilder sb) {
        if (n instanceof Text || n instanceof RefNode) {
            unescape(Sequences.string(n.getChars()), sb);
        } else if (n instanceof Code c) {
            sb.append(Sequences.string(c.getText()));
        } else if (n instanceof HtmlEntity) {
            sb.append(org.jsoup.parser.Parser.unescapeEntities(Sequences.string(n.getChars()), false));
        } else if (n instanceof AutoLink a) {
            sb.append(Sequences.string(a.getText()));
        } else if (n instanceof MailLink m) {
            sb.append(Sequences.string(m.getText()));
        } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
            sb.append(' ');
        } else if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock) {
            sb.append(' ').append(Sequences.string(n.getChildChars())).append(' ');
        } else if (n instanceof HtmlBlock || n instanceof HtmlInline || n instanceof HtmlCommentBlock
                || n instanceof HtmlInlineComment || n instanceof Reference) {
            sb.append(' ');
        } else {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                collectText(c, sb);
            }
            if (n instanceof com.vladsch.flexmark.util.ast.Block) {
                sb.append(' ');
            }
        }
    }

    /** White space runs as one space, trimmed (a hot path: no regular expression). */
    static String collapse(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || Character.isWhitespace(s.charAt(i + 1)))) {
                return collapseRuns(s, start, end);
            }
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end); // the common case: at most trimmed
    }

    /** Each run of white space in {@code s[start, end)} (which starts and ends with other characters) as one space. */
    private static String collapseRuns(String s, int start, int end) {
        StringBuilder sb = new StringBuilder(end - start);
        boolean space = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
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
        int[] starts = new int[64];
        int count = 1;
        for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        return Arrays.copyOf(starts, count);
    }

    static int words(String text) {
        int count = 0;
        boolean in = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            boolean ws = c <= ' ' ? Character.isWhitespace(c) : c >= 0x80 && Character.isWhitespace(c);
            if (!ws && !in) {
                count++;
            }
            in = !ws;
        }
        return count;
    }

    /** The title a file name gives: no extension, no leading number or date, dashes and underscores as spaces. */
    public static String titleFromFileName(String path) {
        return titleFromFileName(path, null);
    }

    /** The title a file name gives, without the id it starts with ({@code idAtStart}, or {@code null}). */
    static String titleFromFileName(String path, String idAtStart) {
        String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("(?i)\\.(md|markdown)$", "");
        if (idAtStart != null && name.length() > idAtStart.length() + 1) {
            name = name.substring(idAtStart.length() + 1);
        }
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
