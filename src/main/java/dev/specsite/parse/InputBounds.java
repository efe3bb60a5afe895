package dev.specsite.parse;

import java.util.ArrayList;
import java.util.List;

import dev.specsite.diag.Diagnostic;

/**
 * Bounds, before flexmark sees a line, the shapes that flexmark 0.64.8 reads in time quadratic in
 * their length or with recursion as deep as they are long. On each line:
 * <ul>
 * <li>container markers (block quotes {@code >}, list items {@code - + * 1. 1)}) past
 * {@value #MAX_NESTING} levels;</li>
 * <li>a run of thematic-break characters ({@code * - _}, spaces between) past {@value #MAX_RULE_RUN}
 * where the line's content starts, which flexmark's thematic-break expression matches with one level
 * of recursion per character;</li>
 * <li>a table's separator row ({@code |---|---|}) of more than {@value #MAX_COLUMNS} columns, which
 * flexmark's table expression matches with one level of recursion per column.</li>
 * </ul>
 * The first character past a limit is backslash-escaped, so the rest of the line renders as literal
 * text, and the line gets a {@code nesting-too-deep} warning at the column where the limit was
 * passed. Lines inside code are bounded alike. An ordinary line costs a look at its first characters.
 * Why these limits (what flexmark does past them): docs/security.md, "Bounded input".
 */
final class InputBounds {

    /** Container levels kept on one line: markdown-it's default, which flexmark still parses quickly. */
    static final int MAX_NESTING = 100;
    /** Characters of a thematic-break run kept: well within what its expression matches on a small thread stack. */
    static final int MAX_RULE_RUN = 300;
    /** Columns of a table separator row kept: well within what its expression matches on a default thread stack. */
    static final int MAX_COLUMNS = 200;

    private InputBounds() {
    }

    /** A body as flexmark may read it, and the warnings for what was escaped. */
    record Bounded(String text, List<Diagnostic> diagnostics) {
        Bounded {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * Bounds a Markdown body whose first line is line 1 of {@code path}. Returns the same string
     * when nothing is past a limit.
     */
    static Bounded bound(String path, String body) {
        List<Diagnostic> diags = null;
        StringBuilder out = null;
        int copied = 0; // body[0, copied) is in out
        int line = 1;
        int start = 0;
        int n = body.length();
        while (start <= n) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            int cut = containerCut(body, start, end);
            String what = null;
            if (cut >= 0) {
                what = "more than " + MAX_NESTING + " nested block quotes or list items on one line";
            } else {
                int content = containerEnd(body, start, end);
                cut = ruleCut(body, content, end);
                if (cut >= 0) {
                    what = "a run of more than " + MAX_RULE_RUN + " '" + body.charAt(cut) + "' characters";
                } else {
                    cut = separatorCut(body, content, end);
                    if (cut >= 0) {
                        what = "a table separator row of more than " + MAX_COLUMNS + " columns";
                    }
                }
            }
            if (cut >= 0) {
                if (out == null) {
                    out = new StringBuilder(body.length() + 64);
                    diags = new ArrayList<>();
                }
                int at = escapeAt(body, cut);
                out.append(body, copied, at).append('\\');
                copied = at;
                diags.add(warning(path, line, cut - start + 1, what));
            }
            line++;
            start = end + 1;
        }
        if (out == null) {
            return new Bounded(body, List.of());
        }
        out.append(body, copied, n);
        return new Bounded(out.toString(), diags);
    }

    private static Diagnostic warning(String path, int line, int column, String what) {
        return Diagnostic.warning(path, line, column, "nesting-too-deep",
                what + ": the rest of the line is shown as text",
                "Markdown this deep is never needed; flatten it");
    }

    /** The offset of the container marker past the limit on a line, or -1. */
    private static int containerCut(String s, int i, int end) {
        int depth = 0;
        while (true) {
            i = skipBlanks(s, i, end);
            int after = markerEnd(s, i, end);
            if (after < 0) {
                return -1;
            }
            if (++depth > MAX_NESTING) {
                return i;
            }
            i = after;
        }
    }

    /** Where a line's content starts, after its container markers. */
    private static int containerEnd(String s, int i, int end) {
        while (true) {
            i = skipBlanks(s, i, end);
            int after = markerEnd(s, i, end);
            if (after < 0) {
                return i;
            }
            i = after;
        }
    }

    /** The offset after a container marker at {@code i}, or -1 when none starts there. */
    private static int markerEnd(String s, int i, int end) {
        if (i >= end) {
            return -1;
        }
        char c = s.charAt(i);
        if (c == '>') {
            return i + 1;
        }
        int j = i;
        if (c == '-' || c == '+' || c == '*') {
            j = i + 1;
        } else if (c >= '0' && c <= '9') {
            while (j < end && j - i < 9 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                j++;
            }
            if (j >= end || (s.charAt(j) != '.' && s.charAt(j) != ')')) {
                return -1;
            }
            j++;
        } else {
            return -1;
        }
        return j == end || s.charAt(j) == ' ' || s.charAt(j) == '\t' ? j : -1;
    }

    /** Where a backslash makes the marker at {@code i} text: before it, or before a number's {@code .} or {@code )}. */
    private static int escapeAt(String s, int i) {
        while (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** The offset of the character past the limit of a thematic-break run starting at {@code i}, or -1. */
    private static int ruleCut(String s, int i, int end) {
        if (i >= end) {
            return -1;
        }
        char c = s.charAt(i);
        if (c != '*' && c != '-' && c != '_') {
            return -1;
        }
        int count = 0;
        for (int j = i; j < end; j++) {
            char d = s.charAt(j);
            if (d == c) {
                if (++count > MAX_RULE_RUN) {
                    return j;
                }
            } else if (d != ' ' && d != '\t') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The offset of the {@code |} past the limit on a line that may be a table's separator row
     * (only {@code | - :} and blanks from {@code i}), or -1.
     */
    private static int separatorCut(String s, int i, int end) {
        if (i >= end || (s.charAt(i) != '|' && s.charAt(i) != '-' && s.charAt(i) != ':')) {
            return -1;
        }
        int pipes = 0;
        for (int j = i; j < end; j++) {
            char c = s.charAt(j);
            if (c == '|') {
                if (++pipes > MAX_COLUMNS) {
                    return j;
                }
            } else if (c != '-' && c != ':' && c != ' ' && c != '\t') {
                return -1;
            }
        }
        return -1;
    }

    private static int skipBlanks(String s, int i, int end) {
        while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
