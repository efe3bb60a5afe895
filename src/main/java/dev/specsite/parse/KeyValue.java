package dev.specsite.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code key: value} pair read from a metadata line, in any of the styles people write:
 * {@code **Status**: Draft}, {@code **Status:** Draft}, {@code - **Owner**: @lee},
 * {@code * Status: **Implemented**}, {@code Author(s): Russ Cox}, and several on one line
 * separated by {@code ·} or {@code |}.
 *
 * @param key    the key as written, emphasis removed
 * @param value  the raw value (Markdown kept; see {@link Values#plain})
 * @param bold   whether the key was bold
 * @param column 0-based column of the key in its line
 */
record KeyValue(String key, String value, boolean bold, int column) {

    private static final Pattern BULLET = Pattern.compile("^(\\s*(?:[-*+]|>|\\d+[.)])\\s+)");
    private static final Pattern BOLD_OUT = Pattern.compile("^(?:\\*\\*([^*:]{1,60}?)\\*\\*|__([^_:]{1,60}?)__)\\s*:\\s?(.*)$");
    private static final Pattern BOLD_IN = Pattern.compile("^(?:\\*\\*([^*]{1,60}?):\\*\\*|__([^_]{1,60}?):__)\\s*(.*)$");
    private static final Pattern PLAIN = Pattern.compile("^([A-Za-z][A-Za-z0-9 ()/'._&-]{0,40}?)\\s*:(?:\\s+(.*)|\\s*$)");
    private static final int MAX_PAIRS = 12;
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[·|•]\\s+");

    /** Reads all pairs of one line; empty when the line is not metadata-shaped. */
    static List<KeyValue> parseLine(String rawLine) {
        String line = rawLine;
        int offset = 0;
        Matcher b = BULLET.matcher(line);
        if (b.find()) {
            offset = b.end();
            line = line.substring(offset);
        }
        line = line.replaceAll("(\\s{2,}|\\\\)$", "").stripTrailing();
        if (line.isEmpty()) {
            return List.of();
        }
        List<KeyValue> out = new ArrayList<>();
        String[] parts = SEPARATOR.split(line, MAX_PAIRS + 1);
        if (parts.length > MAX_PAIRS) {
            return List.of(); // no header line holds this many pairs: prose or a table
        }
        if (parts.length > 1) {
            int col = offset;
            for (String part : parts) {
                KeyValue kv = parseSegment(part.strip(), col, true);
                if (kv == null) {
                    // a separator inside a plain value ("Draft | In Review"): read the line whole
                    out.clear();
                    break;
                }
                out.add(kv);
                col += part.length() + 3;
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        KeyValue kv = parseSegment(line, offset, false);
        return kv == null ? List.of() : List.of(kv);
    }

    private static KeyValue parseSegment(String s, int column, boolean boldOnly) {
        Matcher m = BOLD_OUT.matcher(s);
        if (!m.matches()) {
            m = BOLD_IN.matcher(s);
        }
        if (m.matches()) {
            String key = m.group(1) != null ? m.group(1) : m.group(2);
            return new KeyValue(key.strip(), m.group(3).strip(), true, column);
        }
        if (boldOnly) {
            return null;
        }
        m = PLAIN.matcher(s);
        if (m.matches() && !m.group(1).contains("http")) {
            return new KeyValue(m.group(1).strip(), m.group(2) == null ? "" : m.group(2).strip(), false, column);
        }
        return null;
    }
}
