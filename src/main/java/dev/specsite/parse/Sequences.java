package dev.specsite.parse;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;

/** Fast reads of flexmark's character sequences. */
final class Sequences {

    private Sequences() {
    }

    /**
     * The characters of a sequence as a string, as {@code toString()} gives them. flexmark copies a
     * sequence one character at a time; a sequence that is one piece of the document (most are) is
     * a substring of it (read past the budget's guard). Like flexmark's {@code charAt}, a NUL character reads as U+FFFD.
     */
    static String string(CharSequence chars) {
        String text = stringKeepingNul(chars);
        return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }

    /**
     * The characters of a sequence as a string, except that a NUL character of the document may be
     * left as it is: for a caller that scans the string anyway and replaces NUL itself.
     */
    static String stringKeepingNul(CharSequence chars) {
        if (chars instanceof SubSequence s) {
            Object base = s.getBase() instanceof ParseBudget.Guarded g ? g.text() : s.getBase();
            if (base instanceof String text) {
                return text.substring(s.getStartOffset(), s.getEndOffset());
            }
        }
        return chars.toString();
    }
}
