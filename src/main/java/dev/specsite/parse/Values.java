package dev.specsite.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading metadata values as people write them: dates, people, lists, Markdown emphasis and
 * template placeholders. Pure functions.
 */
public final class Values {

    private Values() {
    }

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));

    private static final Pattern YMD = Pattern.compile("(?<![\\d])(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?![\\d])");
    private static final Pattern DMY = Pattern.compile("(?<![\\d])(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})(?![\\d])");
    private static final Pattern MONTH_D_Y = Pattern.compile(
            "(?i)\\b([a-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern D_MONTH_Y = Pattern.compile(
            "(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+([a-z]{3,9})\\.?,?\\s+(\\d{4})\\b");
    private static final Pattern MONTH_Y = Pattern.compile("(?i)\\b([a-z]{3,9})\\.?,?\\s+(\\d{4})\\b");
    private static final Pattern YM = Pattern.compile("^(\\d{4})-(\\d{2})$");

    private static final Pattern PLACEHOLDER_BRACKETS = Pattern.compile("^\\[[^\\]]*\\](?!\\()$");
    private static final Pattern PLACEHOLDER_WORDS = Pattern.compile(
            "(?i)^(?:@?username|@user|@handle|@name|your name|name|author name|yyyy-mm-dd|yyyy/mm/dd|dd-mm-yyyy|mm/dd/yyyy|x+|id|date|todo|<[^>]*>|\\{[^}]*\\}|\\.\\.\\.|…)$");
    private static final Pattern DATE_PLACEHOLDER = Pattern.compile("(?i)y{4}[-/.]m{2}[-/.]d{2}|d{2}[-/.]m{2}[-/.]y{4}");
    private static final Pattern EMPTY_WORDS = Pattern.compile("(?i)^(?:tbd|tba|n/?a|none|-+|—|–|\\?+|unknown)$");
    private static final Pattern MD_LINK = Pattern.compile("!?\\[([^\\]\\[]*)\\]\\(([^)\\s\\[\\]]*)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern ANGLE_EMAIL = Pattern.compile("\\s*<[^>@\\s]+@[^>\\s]+>");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w])[*_]{1,3}(?=\\S)|(?<=\\S)[*_]{1,3}(?![\\w])");
    private static final Pattern BREAK_TAG = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern TRAILING_BACKSLASH = Pattern.compile("\\\\$");
    private static final Pattern BACKSLASH_ESCAPE = Pattern.compile("\\\\([!-/:-@\\[-`{-~])");
    private static final Pattern PAREN_EMAIL = Pattern.compile("\\s*\\([^)@\\s]+@[^)\\s]+\\)");

    /** Longer values are not read as Markdown (a guard against pathological lines). */
    static final int MAX_VALUE = 4_000;

    /** The outcome of reading a date. */
    public record DateValue(String iso, boolean placeholder, boolean invalid) {
    }

    /**
     * Reads a date in the forms people write ({@code 2026-01-05}, {@code 2026/05/18},
     * {@code 23-07-2014}, {@code December 16, 2016}, {@code July 2015}) into an ISO date.
     */
    public static DateValue date(String raw) {
        String v = plain(raw);
        if (v.isEmpty() || EMPTY_WORDS.matcher(v).matches()) {
            return new DateValue(null, false, false);
        }
        if (DATE_PLACEHOLDER.matcher(v).find() || isPlaceholder(v)) {
            return new DateValue(null, true, false);
        }
        Matcher m = YMD.matcher(v);
        if (m.find()) {
            return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        m = DMY.matcher(v);
        if (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            int y = Integer.parseInt(m.group(4));
            // '/' is read month-first unless the first part cannot be a month; '-' and '.' day-first
            boolean monthFirst = m.group(2).equals("/") ? a <= 12 : b > 12;
            return monthFirst ? of(y, a, b) : of(y, b, a);
        }
        m = MONTH_D_Y.matcher(v);
        if (m.find() && month(m.group(1)) > 0) {
            return of(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = D_MONTH_Y.matcher(v);
        if (m.find() && month(m.group(2)) > 0) {
            return of(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
        }
        m = MONTH_Y.matcher(v);
        if (m.find() && month(m.group(1)) > 0) {
            return of(Integer.parseInt(m.group(2)), month(m.group(1)), 1);
        }
        m = YM.matcher(v);
        if (m.find()) {
            return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
        }
        return new DateValue(null, false, true);
    }

    private static DateValue of(int y, int m, int d) {
        try {
            return new DateValue(LocalDate.of(y, m, d).toString(), false, false);
        } catch (DateTimeException e) {
            return new DateValue(null, false, true);
        }
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        Integer m = MONTHS.get(n.length() > 3 && !n.equals("sept") ? n.substring(0, 3) : n);
        if (m == null) {
            return 0;
        }
        // accept the abbreviation or the full English name only
        String full = java.time.Month.of(m).name().toLowerCase(Locale.ROOT);
        return n.length() <= 4 || full.equals(n) ? m : 0;
    }

    /** Whether a value is a template placeholder left unfilled ({@code [Your Name]}, {@code @username}, {@code YYYY-MM-DD}). */
    public static boolean isPlaceholder(String raw) {
        String v = raw.strip();
        if (v.isEmpty()) {
            return false;
        }
        return PLACEHOLDER_BRACKETS.matcher(v).matches() || PLACEHOLDER_WORDS.matcher(v).matches()
                || DATE_PLACEHOLDER.matcher(v).find();
    }

    /** Whether a value says "nothing yet" ({@code TBD}, {@code N/A}, {@code -}). */
    public static boolean isEmptyWord(String raw) {
        return EMPTY_WORDS.matcher(raw.strip()).matches();
    }

    /**
     * Markdown removed from a one-line value: links become their text, emphasis and code marks go,
     * trailing hard-break markers go, white space is collapsed.
     */
    public static String plain(String raw) {
        if (raw == null) {
            return "";
        }
        if (raw.length() > MAX_VALUE) {
            return shorten(collapseSpace(raw), MAX_VALUE); // no metadata value is this long: text only
        }
        // each step runs only when the value holds the character it removes (most hold none)
        String v = raw;
        if (v.indexOf('[') >= 0) {
            v = MD_LINK.matcher(v).replaceAll(mr -> Matcher.quoteReplacement(
                    mr.group(1).isBlank() ? mr.group(2) : mr.group(1)));
        }
        if (v.indexOf('*') >= 0 || v.indexOf('_') >= 0) {
            v = EMPHASIS.matcher(v).replaceAll("");
        }
        v = v.replace("`", "");
        if (v.indexOf('<') >= 0) {
            v = BREAK_TAG.matcher(v).replaceAll(" ");
        }
        if (v.indexOf('\\') >= 0) {
            v = TRAILING_BACKSLASH.matcher(v).replaceAll("");
            v = BACKSLASH_ESCAPE.matcher(v).replaceAll("$1");
        }
        return collapseSpace(v).strip();
    }

    /** Runs of white space ({@code \s}: space, tab, line breaks, form feed) as one space. */
    static String collapseSpace(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && !changes(s, i)) {
            i++;
        }
        if (i == n) {
            return s; // no run to collapse: the common case
        }
        StringBuilder sb = new StringBuilder(n).append(s, 0, i);
        while (i < n) {
            if (isSpace(s.charAt(i))) {
                sb.append(' ');
                while (i < n && isSpace(s.charAt(i))) {
                    i++;
                }
            } else {
                sb.append(s.charAt(i++));
            }
        }
        return sb.toString();
    }

    /** Whether the white space at {@code i} changes when collapsed: any but a lone space. */
    private static boolean changes(String s, int i) {
        char c = s.charAt(i);
        return isSpace(c) && (c != ' ' || i + 1 < s.length() && isSpace(s.charAt(i + 1)));
    }

    /** White space as {@code \s} means it in a regular expression. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The target of the first Markdown link in a value, if any. */
    public static Optional<String> linkTarget(String raw) {
        Matcher m = MD_LINK.matcher(raw);
        return m.find() ? Optional.of(m.group(2)) : Optional.empty();
    }

    private static final Pattern ROLE = Pattern.compile(
            "(?i)^(?:.*\\b(?:engineer|engineering|manager|lead|designer|architect|owner|pm|developer|director|scientist|writer|analyst|head|vp|principal|staff|senior|intern|researcher|consultant|advisor|cto|ceo|team|frontend|backend|rendering|platform|infrastructure|product|security|qa|ops|sre|tooling)\\b.*)$");

    /** People in a value: split on commas, semicolons and "and"; leading {@code @} and e-mail addresses removed. */
    public static List<String> people(String raw) {
        String v = ANGLE_EMAIL.matcher(raw.replaceAll("\\)\\s+\\[", "), [")).replaceAll(""); // "[a](…) [b](…)"
        v = PAREN_EMAIL.matcher(v).replaceAll("");
        v = plain(v);
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String part : v.split("\\s*(?:,|;|\\s&\\s|\\sand\\s|\\s\\+\\s)\\s*")) {
            String p = part.strip();
            if (p.startsWith("@")) {
                p = p.substring(1);
            }
            p = p.replaceAll("^[\\s-]+|[\\s.]+$", "");
            if (!p.isEmpty() && !isPlaceholder(p) && !isEmptyWord(p) && !(out.size() > 0 && ROLE.matcher(p).matches())) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** A comma- or whitespace-separated list of words (tags, ids). */
    public static List<String> words(String raw) {
        List<String> out = new ArrayList<>();
        for (String part : plain(raw).split("\\s*[,;]\\s*")) {
            String p = part.strip().replaceAll("^#", "");
            if (!p.isEmpty() && !isPlaceholder(p) && !isEmptyWord(p) && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The text shortened to at most {@code max} characters at a word boundary, with an ellipsis. */
    public static String shorten(String text, int max) {
        String t = text.strip();
        if (t.length() <= max) {
            return t;
        }
        int cut = t.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        return t.substring(0, cut).stripTrailing() + "…";
    }
}
