package dev.specsite.model;

/**
 * A spec's status: the normalised slug from the configured vocabulary and the text as written.
 * The text may carry a qualifier (a version, a date, a reason) in parentheses or after a colon or a
 * dash: {@code Implemented (Release 5.1)}, {@code Accepted: with revisions},
 * {@code Rejected - superseded by RFC 12}; {@link #written()} is the text before it, {@link #detail()}
 * the qualifier.
 *
 * @param slug  lower-case slug such as {@code in-review}, or {@code null} when the value is not in
 *              the vocabulary (or there is no status at all)
 * @param label the raw text as written in the spec, or {@code null} when there is none
 */
public record Status(String slug, String label) implements java.io.Serializable {
    /** No status declared. */
    public static final Status NONE = new Status(null, null);

    /** Whether the spec declares any status text. */
    public boolean declared() {
        return label != null;
    }

    /** The status as written without its qualifier ({@code Implemented}), or {@code null} without a status. */
    public String written() {
        if (label == null) {
            return null;
        }
        int cut = qualifierStart(label);
        return cut < 0 ? label.strip() : label.substring(0, cut).strip();
    }

    /** The qualifier ({@code Release 5.1}), or {@code null} when the status has none. */
    public String detail() {
        if (label == null) {
            return null;
        }
        int cut = qualifierStart(label);
        if (cut < 0) {
            return null;
        }
        String rest = label.substring(cut).strip();
        if (rest.startsWith("(")) {
            int close = rest.lastIndexOf(')');
            rest = close > 0 ? rest.substring(1, close) : rest.substring(1);
        } else {
            rest = rest.replaceFirst("^(?::|[-\u2013\u2014])", "");
        }
        rest = rest.strip();
        return rest.isEmpty() ? null : rest;
    }

    /** Where the qualifier starts: the first {@code (}, {@code :} or spaced dash after some words; -1 when none. */
    private static int qualifierStart(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean spacedDash = (c == '-' || c == '\u2013' || c == '\u2014') && s.charAt(i - 1) == ' '
                    && i + 1 < s.length() && s.charAt(i + 1) == ' ';
            if (c == '(' || c == ':' || spacedDash) {
                return s.substring(0, i).isBlank() ? -1 : i;
            }
        }
        return -1;
    }
}
