package dev.specsite.config;

import java.util.HashSet;
import java.util.Set;

/**
 * The characters every match of a regular expression must contain, read from the expression's
 * text, so that a text without one of them need not be searched at all (Java's regex engine tries
 * every position of a text; a mention pattern asking for {@code #} costs as much on text without
 * any {@code #} as on text full of them). Conservative: a construct it does not follow (inline
 * flags, quoting, alternatives, optional parts, lookarounds) contributes nothing, so the answer is
 * a subset of the truth, and an empty set means "search everything".
 *
 * <p>{@link #DIGIT} stands for "some digit" ({@code \d} required).
 */
final class RequiredChars {

    /** Stands for any ASCII digit in a result. */
    static final char DIGIT = '\0';

    private final String re;
    private int pos;

    private RequiredChars(String re) {
        this.re = re;
    }

    /** What every match of the expression contains (possibly {@link #DIGIT}); empty when unknown. */
    static Set<Character> of(String regex) {
        RequiredChars r = new RequiredChars(regex);
        try {
            Set<Character> out = r.sequence();
            return r.pos == regex.length() ? out : Set.of();
        } catch (Unsure e) {
            return Set.of();
        }
    }

    /** Thrown on syntax this reading does not follow. */
    private static final class Unsure extends Exception {
        Unsure() {
            super(null, null, false, false);
        }
    }

    /** A sequence up to {@code )} or the end; what it requires unless it has alternatives. */
    private Set<Character> sequence() throws Unsure {
        Set<Character> out = new HashSet<>();
        boolean alternatives = false;
        while (pos < re.length() && re.charAt(pos) != ')') {
            char c = re.charAt(pos);
            if (c == '|') {
                alternatives = true;
                pos++;
                continue;
            }
            Set<Character> item = item();
            if (quantifierAllowsNone()) {
                continue;
            }
            out.addAll(item);
        }
        return alternatives ? new HashSet<>() : out;
    }

    /** One item (a character, an escape, a class, a group): what it requires once. */
    private Set<Character> item() throws Unsure {
        char c = re.charAt(pos++);
        switch (c) {
            case '\\' -> {
                return escape();
            }
            case '[' -> {
                skipClass();
                return Set.of();
            }
            case '(' -> {
                return group();
            }
            case '.', '^', '$' -> {
                return Set.of();
            }
            case '*', '+', '?', '{', '}', ']' -> throw new Unsure();
            default -> {
                return Set.of(c);
            }
        }
    }

    private Set<Character> escape() throws Unsure {
        if (pos >= re.length()) {
            throw new Unsure();
        }
        char e = re.charAt(pos++);
        if (e == 'd') {
            return Set.of(DIGIT);
        }
        if (e == 'w' || e == 'W' || e == 's' || e == 'S' || e == 'D' || e == 'b' || e == 'B') {
            return Set.of();
        }
        if (Character.isLetterOrDigit(e)) {
            throw new Unsure(); // \p{..}, \x.., a Unicode escape, \Q, \k<..>, back references, …
        }
        return Set.of(e); // an escaped punctuation mark stands for itself
    }

    private void skipClass() throws Unsure {
        int depth = 1;
        if (pos < re.length() && re.charAt(pos) == '^') {
            pos++;
        }
        if (pos < re.length() && re.charAt(pos) == ']') {
            pos++; // a ] first in a class is a literal
        }
        while (pos < re.length()) {
            char c = re.charAt(pos++);
            if (c == '\\') {
                pos++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return;
            }
        }
        throw new Unsure();
    }

    private Set<Character> group() throws Unsure {
        boolean counts = true;
        if (re.startsWith("?", pos)) {
            if (re.startsWith("?:", pos) || re.startsWith("?>", pos)) {
                pos += 2;
            } else if (re.startsWith("?=", pos) || re.startsWith("?!", pos)) {
                pos += 2;
                counts = false;
            } else if (re.startsWith("?<=", pos) || re.startsWith("?<!", pos)) {
                pos += 3;
                counts = false;
            } else if (re.startsWith("?<", pos)) {
                int end = re.indexOf('>', pos);
                if (end < 0) {
                    throw new Unsure();
                }
                pos = end + 1;
            } else {
                throw new Unsure(); // inline flags such as (?i) or (?x) change what characters mean
            }
        }
        Set<Character> inner = sequence();
        if (pos >= re.length() || re.charAt(pos) != ')') {
            throw new Unsure();
        }
        pos++;
        return counts ? inner : Set.of();
    }

    /** Reads a quantifier after an item, if any: whether it lets the item match zero times. */
    private boolean quantifierAllowsNone() throws Unsure {
        if (pos >= re.length()) {
            return false;
        }
        char q = re.charAt(pos);
        boolean none;
        if (q == '?' || q == '*') {
            pos++;
            none = true;
        } else if (q == '+') {
            pos++;
            none = false;
        } else if (q == '{') {
            int end = re.indexOf('}', pos);
            if (end < 0) {
                throw new Unsure();
            }
            String min = re.substring(pos + 1, end).split(",", -1)[0].strip();
            if (min.isEmpty() || !min.chars().allMatch(Character::isDigit)) {
                throw new Unsure();
            }
            pos = end + 1;
            none = min.chars().allMatch(d -> d == '0');
        } else {
            return false;
        }
        if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
            pos++; // lazy or possessive
        }
        return none;
    }
}
