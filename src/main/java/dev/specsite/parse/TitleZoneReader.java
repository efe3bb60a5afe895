package dev.specsite.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.util.ast.Node;

/**
 * Reads the metadata between a document's title and its first heading: metadata paragraphs and
 * lists, block quotes of metadata lines, and a byline. What it reads leaves the body.
 */
final class TitleZoneReader {
    /** A line of a byline that names a person: two to four capitalised words, perhaps an e-mail address. */
    static final Pattern BYLINE_PERSON = Pattern.compile(
            "^\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|de|van|von|der|da|di|le|la)){1,3}"
            + "(?:\\s*[<(][^\\s<>()@]+@[^\\s<>()]+[>)])?$");

    /** A line of a byline as a metadata entry: {@code Author} or {@code Date}. */
    private record BylineEntry(String key, String value, int line) {
    }

    private final ParseContext cx;
    private final MetadataStore meta;
    private final MetadataParagraphReader paragraphs;
    private final MetadataListReader lists;

    TitleZoneReader(ParseContext cx, MetadataStore meta, MetadataParagraphReader paragraphs, MetadataListReader lists) {
        this.cx = cx;
        this.meta = meta;
        this.paragraphs = paragraphs;
        this.lists = lists;
    }

    /** Metadata lines between the title and the first heading; returns whether there were any. */
    boolean read(Node titleHeading) {
        Node start = titleHeading != null ? titleHeading.getNext() : cx.doc.getFirstChild();
        List<Node> consumed = new ArrayList<>();
        boolean found = false;
        boolean bylineOpen = titleHeading != null;
        for (Node n = start; n != null && !(n instanceof Heading); n = n.getNext()) {
            if (n instanceof Paragraph p) {
                if (paragraphs.read(p, false) || bylineOpen && readByline(p)) {
                    consumed.add(p);
                } else {
                    bylineOpen = false;
                }
            } else if (n instanceof BulletList || n instanceof OrderedList) {
                if (lists.read((ListBlock) n, found || !consumed.isEmpty())) {
                    found = true;
                    if (!n.hasChildren()) {
                        consumed.add(n);
                    }
                }
            } else if (n instanceof BlockQuote bq) {
                boolean all = bq.hasChildren();
                for (Node c = bq.getFirstChild(); c != null; c = c.getNext()) {
                    if (!(c instanceof Paragraph p && paragraphs.read(p, false))) {
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
            Node first = titleHeading != null ? titleHeading.getNext() : cx.doc.getFirstChild();
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
    private boolean readByline(Paragraph p) {
        String[] lines = Sequences.string(p.getChars()).split("\n");
        if (lines.length > 6) {
            return false;
        }
        List<BylineEntry> entries = new ArrayList<>();
        int first = cx.startLine(p);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].replaceAll("(\\\\|\\s{2,})$", "").strip();
            if (l.isEmpty()) {
                continue;
            }
            String plain = Values.plain(l);
            if (BYLINE_PERSON.matcher(plain).matches()) {
                entries.add(new BylineEntry("Author", plain, first + i));
            } else if (plain.length() <= 40 && Values.date(plain).iso() != null
                    && plain.matches("(?i)^(?:(?:updated|revised|written)\\s+(?:on\\s+)?)?[\\p{L}\\d ,./-]+$")) {
                entries.add(new BylineEntry("Date", plain, first + i));
            } else if (!plain.matches("^(?:https?://)?[\\w.-]+\\.[a-z]{2,}(?:/\\S*)?$")
                    && !l.matches("^\\(?\\[[^\\]]*\\]\\([^)]*\\)\\)?$")) {
                return false;
            }
        }
        if (entries.isEmpty()) {
            return false;
        }
        for (BylineEntry e : entries) {
            meta.add(e.key(), e.value(), e.line(), 1);
        }
        return true;
    }
}
