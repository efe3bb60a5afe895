package dev.specsite.parse;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;

import dev.specsite.config.MentionRules;
import dev.specsite.diag.Diagnostic;
import dev.specsite.model.MetaEntry;

/** Reads the title and id of a document, with their placeholders and clean-ups. */
final class TitleReader {
    static final Pattern TITLE_PREFIX = Pattern.compile(
            "(?i)^(?:technical\\s+spec(?:ification)?|feature\\s+spec(?:ification)?|design\\s+doc(?:ument)?|spec(?:ification)?|proposal|design|feature|rfc|adr)\\s*[:：]\\s*");
    static final Pattern ID_PREFIX = Pattern.compile(
            "^([A-Z][A-Z0-9]*-(?:\\d+|[A-Z]+|\\d+[A-Z]*))\\s*[:：\\-–—.]\\s*(.+)$");
    static final Pattern WORD_NUMBER_PREFIX = Pattern.compile(
            "^(ADR|RFC|PEP|KEP|SEP|JEP|SPEC|FEAT)[\\s#-]?(\\d+)\\s*[:：\\-–—.]\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    static final Pattern GENERIC_SECTION = Pattern.compile(
            "(?i)^(?:summary|abstract|motivation|background|introduction|overview|context|problem(?: statement)?|goals|"
            + "description|rationale|proposal|detailed design|guide-level explanation|table of contents|contents)$");

    /** A document's title and id, and whether the id was made from the file name because none was given. */
    record TitleAndId(String title, String id, boolean idDerived) {
    }

    /** What an id may hold to name a page: letters, digits, '.', '_' and '-', at most 80. */
    static final java.util.regex.Pattern USABLE_ID = java.util.regex.Pattern.compile("[\\p{L}\\p{N}._-]{1,80}");

    private final ParseContext cx;
    private final MetadataStore meta;
    /** The id patterns, which read the id a file name starts with. */
    private final MentionRules mentionRules;

    TitleReader(ParseContext cx, MetadataStore meta, MentionRules mentionRules) {
        this.cx = cx;
        this.meta = meta;
        this.mentionRules = mentionRules;
    }

    /** The first heading when it is an H1 that is not a usual section name, or {@code null}. */
    Node firstH1() {
        for (Node n = cx.doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() == 1) {
                return GENERIC_SECTION.matcher(NodeText.canonical(cx.blockText(h))).matches() ? null : h;
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
        if (!(cx.doc.getFirstChild() instanceof Heading h) || h.getLevel() > 3) {
            return null;
        }
        for (Node n = h.getNext(); n != null; n = n.getNext()) {
            if (n instanceof Heading other && other.getLevel() == 1) {
                return null;
            }
        }
        String name = NodeText.canonical(cx.blockText(h));
        if (GENERIC_SECTION.matcher(name).matches() || OverviewReader.SECTION.matcher(name).matches()
                || OpenQuestionRule.SECTION.matcher(name).matches() || AcceptanceCriteriaRule.SECTION.matcher(name).matches()
                || ApprovalRule.SECTION.matcher(name).matches()) {
            return null;
        }
        return h;
    }

    /**
     * The title and id of the document: from the metadata, else the title heading ({@code h1}, its
     * text), else a title line, else the file name.
     */
    TitleAndId titleAndId(String h1, Node titleHeading, boolean zoneHadMetadata) {
        String title = null;
        String idFromTitle = null;
        int titleLine = titleHeading == null ? 1 : cx.startLine(titleHeading);
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
                cx.diags.add(Diagnostic.warning(cx.path, titleLine, 1, "placeholder",
                        "the title is a template placeholder: " + t, "write the spec's real title"));
            } else if (!t.isEmpty()) {
                title = t;
            }
        }
        Optional<MetaEntry> declaredTitle = meta.first("title");
        if (declaredTitle.isPresent() && !declaredTitle.get().value().isBlank()) {
            title = declaredTitle.get().value();
        }
        if (title == null) {
            title = plainTitleLine(zoneHadMetadata);
        }
        if (title == null) {
            title = SpecParser.titleFromFileName(cx.path, SpecParser.fileNameId(mentionRules, cx.path));
            if (h1 == null) {
                cx.diags.add(Diagnostic.info(cx.path, 1, 1, "no-title",
                        "no '# Title' heading; the title is taken from the file name", "start the file with '# Title'"));
            }
        }

        String id = null;
        Optional<MetaEntry> declared = meta.first("id");
        if (declared.isPresent()) {
            String v = declared.get().value();
            if (Values.isPlaceholder(v) || v.matches("(?i).*-(?:X+|N{3,})$")) {
                cx.diags.add(Diagnostic.warning(meta.fileOf(declared.get()), declared.get().line(), 1, "placeholder",
                        "the id is a template placeholder: " + v, "give the spec its real id"));
            } else if (!v.isBlank() && !Values.isEmptyWord(v)) {
                id = Values.words(v).isEmpty() ? v : Values.words(v).get(0);
            }
        }
        if (id == null && idFromTitle != null) {
            if (idFromTitle.matches("(?i).*-(?:X+|N{3,})$")) {
                cx.diags.add(Diagnostic.warning(cx.path, titleLine, 1, "placeholder",
                        "the id in the title is a template placeholder: " + idFromTitle, "give the spec its real id"));
            } else {
                id = idFromTitle;
            }
        }
        if (id != null && !USABLE_ID.matcher(id).matches()) {
            String cleaned = id.replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^-+|-+$", "");
            cx.diags.add(Diagnostic.warning(cx.path, declared.map(MetaEntry::line).orElse(titleLine), 1, "invalid-id",
                    "id '" + id + "' holds characters that cannot be in a URL; using '" + cleaned + "'",
                    "use letters, digits, '.', '_' and '-'"));
            id = cleaned.isEmpty() ? null : cleaned;
        }
        if (id == null) {
            // a file name that starts with an id (SPEC-4273-delegated-password-reset.md) names the spec as the text would
            id = SpecParser.fileNameId(mentionRules, cx.path);
        }
        if (id == null) {
            return new TitleAndId(title, SpecParser.derivedId(cx.path), true);
        }
        return new TitleAndId(title, id, false);
    }

    /**
     * With no H1: a first paragraph that is one short line, wholly emphasised, or — when
     * metadata lines follow it — not ending like a sentence.
     */
    String plainTitleLine(boolean zoneHadMetadata) {
        Node n = cx.doc.getFirstChild();
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
}
