package dev.specsite.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Paragraph;

/**
 * Reads metadata paragraphs: lines of {@code Key: value} pairs, bold ({@code **Status**: Draft})
 * or plain, several on a line or one value wrapped over lines, as templates write them under a
 * title or in an Overview section.
 */
final class MetadataParagraphReader {
    /** A capitalised key with a colon inside a metadata value. */
    private static final Pattern EMBEDDED_KEY = Pattern.compile("(?<=\\s)(\\p{Lu}[\\w()]*(?: [\\w()]+){0,2}):\\s+");

    private final ParseContext cx;
    private final MetadataStore meta;

    MetadataParagraphReader(ParseContext cx, MetadataStore meta) {
        this.cx = cx;
        this.meta = meta;
    }

    /** A value that reads as a sentence: a link in it, or more than twelve words. */
    static boolean isProse(String value) {
        return value.contains("](") || value.strip().split("\\s+").length > 12;
    }

    /** Reads a paragraph whose every line is a key/value pair; returns whether it was metadata. */
    boolean read(Paragraph p, boolean boldOnly) {
        String[] lines = Sequences.string(p.getChars()).split("\n");
        List<KeyValue> pairs = new ArrayList<>();
        List<Integer> pairLines = new ArrayList<>();
        int first = cx.startLine(p);
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
                anyKnown |= meta.field(kv.key()) != null;
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
        int col = cx.column(p.getStartOffset());
        for (int i = 0; i < pairs.size(); i++) {
            KeyValue kv = pairs.get(i);
            int c = i == 0 ? col + kv.column() : kv.column() + 1;
            // "Author(s): Ann Last Updated: 2019-02-20": a second known key run into the value
            String value = kv.value();
            Matcher m = EMBEDDED_KEY.matcher(value);
            while (m.find()) {
                if (meta.field(m.group(1)) != null) {
                    meta.add(kv.key(), value.substring(0, m.start()), pairLines.get(i), c);
                    meta.add(m.group(1), value.substring(m.end()), pairLines.get(i), c + m.start(1));
                    value = null;
                    break;
                }
            }
            if (value != null) {
                meta.add(kv.key(), value, pairLines.get(i), c);
            }
        }
        return true;
    }
}
