package dev.specsite.parse;

import com.vladsch.flexmark.util.sequence.Escaping;

/** The string work of the HTML renderer: escaping and unescaping as flexmark does it, in one pass where it can. */
final class HtmlText {
    private HtmlText() {
    }

    /** Backslash escapes and entities resolved (flexmark's {@code unescape()}). */
    static String unescape(String s) {
        return s.indexOf('\\') < 0 && s.indexOf('&') < 0 ? s : Escaping.unescapeString(s);
    }

    /** Line ends normalised (flexmark's {@code normalizeEOL()}): only carriage returns change. */
    static String normalizedEol(String s) {
        return s.indexOf('\r') < 0 ? s : Escaping.normalizeEOL(s);
    }

    /** The characters HTML text escapes. */
    static final boolean[] ESCAPED = table("&<>\"");
    /** The characters that make a text node more than plain: escaped, resolved ({@code \\ &}), line ends, NUL. */
    static final boolean[] TEXT_SPECIAL = table("&<>\"\\\r\n\0");

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
