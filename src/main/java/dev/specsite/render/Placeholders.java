package dev.specsite.render;

import java.util.function.IntFunction;

/**
 * Fills the placeholders the parse stage leaves in a spec's HTML: {@code href="specsite:link/N"}
 * (or {@code src=…}) for a Markdown link or image, and
 * {@code <specsite-ref data-i="N">text</specsite-ref>} for an id mention. One forward scan with
 * {@link String#indexOf}: a regular expression here searched every position of every page and
 * was most of the link stage's time.
 */
final class Placeholders {

    static final String LINK = "=\"specsite:link/";
    static final String REF_OPEN = "<specsite-ref data-i=\"";
    static final String REF_CLOSE = "</specsite-ref>";

    private Placeholders() {
    }

    /**
     * Replaces each {@code (href|src)="specsite:link/N"} by {@code attribute.apply(N)} (a whole
     * {@code href="…"}); for {@code src} its {@code href=} is turned into {@code src=}.
     */
    static String links(String html, IntFunction<String> attribute) {
        int at = html.indexOf(LINK);
        if (at < 0) {
            return html;
        }
        StringBuilder sb = new StringBuilder(html.length() + 256);
        int copied = 0;
        for (; at >= 0; at = html.indexOf(LINK, at + 1)) {
            boolean href = at >= 4 && html.startsWith("href", at - 4);
            boolean src = !href && at >= 3 && html.startsWith("src", at - 3);
            int digits = at + LINK.length();
            int end = digitsEnd(html, digits);
            if (!(href || src) || end == digits || end >= html.length() || html.charAt(end) != '"') {
                continue;
            }
            String v = attribute.apply(Integer.parseInt(html, digits, end, 10));
            if (src) {
                v = v.startsWith("href=") ? "src=" + v.substring(5) : v;
            }
            sb.append(html, copied, at - (href ? 4 : 3)).append(v);
            copied = end + 1;
            at = end;
        }
        return copied == 0 ? html : sb.append(html, copied, html.length()).toString();
    }

    /**
     * Replaces each {@code <specsite-ref data-i="N">text</specsite-ref>} (text on one line) by the
     * start tag {@code reference.apply(N)} (made by {@link Tags#start}), the text and the matching end
     * tag, or by the bare text when that gives {@code null}. The text is never put into the tag.
     */
    static String refs(String html, IntFunction<String> reference) {
        int at = html.indexOf(REF_OPEN);
        if (at < 0) {
            return html;
        }
        StringBuilder sb = new StringBuilder(html.length() + 1024);
        int copied = 0;
        for (; at >= 0; at = html.indexOf(REF_OPEN, at + 1)) {
            int digits = at + REF_OPEN.length();
            int end = digitsEnd(html, digits);
            if (end == digits || !html.startsWith("\">", end)) {
                continue;
            }
            int textStart = end + 2;
            int close = html.indexOf(REF_CLOSE, textStart);
            if (close < 0 || hasLineBreak(html, textStart, close)) {
                continue;
            }
            String v = reference.apply(Integer.parseInt(html, digits, end, 10));
            sb.append(html, copied, at);
            if (v == null) {
                sb.append(html, textStart, close);
            } else {
                sb.append(v).append(html, textStart, close).append(Tags.end(v));
            }
            copied = close + REF_CLOSE.length();
            at = copied - 1;
        }
        return copied == 0 ? html : sb.append(html, copied, html.length()).toString();
    }

    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** Whether a line terminator (as {@code .} in a regular expression excludes them) lies in {@code [from, to)}. */
    private static boolean hasLineBreak(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
