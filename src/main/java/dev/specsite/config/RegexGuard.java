package dev.specsite.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Refuses regular expressions from an untrusted configuration that could make Java's backtracking
 * matcher run for ages on some text. Java's matcher remembers failed positions of a simple greedy
 * loop, so {@code (a+)+$} is fast, but {@code (x+x+)+y}, {@code (?:a{1,10}){1,10}b},
 * {@code a*a*a*a*a*b} and {@code .*a.*a.*b} each take seconds on a few thousand characters. Refused: patterns longer than
 * {@link #MAX_LENGTH}, back-references, a repeated group that repeats something inside unless a
 * character that the inner repetitions cannot match must separate the rounds ({@code (?:\.\d+)*}
 * is fine, {@code (a+)+}, {@code (\w+\s?)+} and {@code (.*a){20}} are not), and a repeated choice
 * whose alternatives do not each start with a different literal character ({@code (a|aa)+}), and
 * two repetitions in a row that can match the same characters with no literal between them that
 * neither matches ({@code \d+\d+}, {@code .*a.*b}: polynomial, hours on a long line). A
 * conservative reading: some harmless patterns ({@code \w+\s?\w+}) are refused too.
 */
final class RegexGuard {

    /** The longest pattern accepted. */
    static final int MAX_LENGTH = 500;

    private final String re;
    private int pos;

    /** What a group holds, as far as backtracking is concerned. */
    private static final class Group {
        final List<String> atoms = new ArrayList<>();
        final List<String> repeatedAtoms = new ArrayList<>();
        final List<Character> mandatoryLiterals = new ArrayList<>();
        final List<String> firstAtoms = new ArrayList<>();
        /** Repetitions since the last separator: two of them that can match the same text may not follow each other. */
        final List<String> run = new ArrayList<>();
        /** Repetitions before the group's first separator (all of them when it has none). */
        final List<String> leading = new ArrayList<>();
        /** The group's first separator: a literal that no repetition before it in the group matches. */
        Character separator;
        boolean repeats;
        boolean alternation;
        boolean atAlternativeStart = true;
    }

    private final java.util.Map<String, java.util.BitSet> samples = new java.util.HashMap<>();

    private RegexGuard(String re) {
        this.re = re;
    }

    /** Why the pattern is refused, or {@code null} when it is accepted. */
    static String problem(String regex) {
        if (regex.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return null; // the caller reports invalid patterns itself
        }
        try {
            RegexGuard g = new RegexGuard(regex);
            g.sequence(new Group(), false);
            return null;
        } catch (Refused r) {
            return r.getMessage();
        }
    }

    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String why) {
            super(why, null, false, false);
        }
    }

    /** Reads atoms into {@code g} up to the closing parenthesis (when {@code nested}) or the end. */
    private Group sequence(Group g, boolean nested) {
        while (pos < re.length()) {
            char c = re.charAt(pos);
            if (c == ')') {
                if (!nested) {
                    throw new Refused("has an unbalanced parenthesis");
                }
                pos++;
                return g;
            }
            if (c == '|') {
                pos++;
                g.alternation = true;
                g.atAlternativeStart = true;
                g.run.clear();
                continue;
            }
            String atom = null;
            Group inner = null;
            Character literal = null;
            if (c == '(') {
                pos++;
                boolean consumes = groupPrefix();
                if (!consumes) {
                    continue; // an inline flag such as (?i)
                }
                inner = sequence(new Group(), true);
            } else if (c == '[') {
                atom = charClass();
            } else if (c == '\\') {
                atom = escape();
                if (atom == null) {
                    continue; // \b and other assertions
                }
                if (atom.length() == 1) {
                    literal = atom.charAt(0);
                    atom = Pattern.quote(atom);
                }
            } else if (c == '^' || c == '$') {
                pos++;
                continue;
            } else if (c == '.') {
                pos++;
                atom = ".";
            } else {
                pos++;
                literal = c;
                atom = Pattern.quote(String.valueOf(c));
            }
            int[] q = quantifier();
            boolean repeated = q[1] > 1;
            if (g.atAlternativeStart) {
                g.firstAtoms.add(literal != null ? String.valueOf(literal) : null);
                g.atAlternativeStart = false;
            }
            if (inner != null) {
                if (repeated) {
                    check(inner);
                }
                g.atoms.addAll(inner.atoms);
                g.repeatedAtoms.addAll(repeated ? inner.atoms : inner.repeatedAtoms);
                g.repeats |= repeated || inner.repeats;
                follow(g, inner, repeated, q[0] == 0);
            } else {
                g.atoms.add(atom);
                if (repeated) {
                    g.repeatedAtoms.add(atom);
                    g.repeats = true;
                    add(g, atom);
                }
                if (literal != null && q[0] >= 1) {
                    g.mandatoryLiterals.add(literal);
                    separate(g, literal);
                }
            }
        }
        if (g.alternation) {
            // conservatively: any alternative may be the one that runs on into what follows the group
            g.separator = null;
            g.leading.clear();
            g.leading.addAll(g.repeatedAtoms);
            g.run.clear();
            g.run.addAll(g.repeatedAtoms);
        }
        if (nested) {
            throw new Refused("has an unbalanced parenthesis");
        }
        return g;
    }

    /** A repetition follows the run: it may not match what a repetition just before it matches. */
    private void add(Group g, String atom) {
        for (String r : g.run) {
            if (overlap(r, atom)) {
                throw new Refused("has repetitions in a row that can match the same text");
            }
        }
        g.run.add(atom);
        if (g.separator == null) {
            g.leading.add(atom);
        }
    }

    /** The repetitions of one round of a group follow the run together (not each other). */
    private void addAll(Group g, List<String> atoms) {
        for (String a : atoms) {
            for (String r : g.run) {
                if (overlap(r, a)) {
                    throw new Refused("has repetitions in a row that can match the same text");
                }
            }
        }
        for (String a : atoms) {
            g.run.add(a);
            if (g.separator == null) {
                g.leading.add(a);
            }
        }
    }

    /** A literal that every match holds: when no repetition of the run can match it, it ends the run. */
    private void separate(Group g, char c) {
        if (g.run.stream().noneMatch(r -> matches(r, c))) {
            g.run.clear();
            if (g.separator == null) {
                g.separator = c;
            }
        }
    }

    /** A group within a sequence: its leading repetitions follow the run, its trailing ones start the next. */
    private void follow(Group g, Group inner, boolean repeated, boolean optional) {
        List<String> before = List.copyOf(g.run);
        List<String> leading = repeated ? inner.atoms : inner.leading;
        List<String> trailing = repeated ? inner.atoms : inner.run;
        if (repeated && inner.separator != null) {
            // rounds are split by the separator: what follows the last round is the last round's tail
            leading = inner.leading;
            trailing = inner.run;
            for (String t : trailing) {
                for (String l : leading) {
                    if (overlap(t, l)) {
                        throw new Refused("has repetitions in a row that can match the same text");
                    }
                }
            }
        }
        addAll(g, leading);
        if (inner.separator != null && before.stream().noneMatch(r -> matches(r, inner.separator))) {
            g.run.clear();
            if (g.separator == null) {
                g.separator = inner.separator;
            }
            g.run.addAll(trailing);
        } else {
            List<String> lead = leading;
            addAll(g, trailing.stream().filter(t -> !lead.contains(t)).toList());
        }
        if (optional) {
            // the group may match nothing: what came before it runs on too
            for (String b : before) {
                if (!g.run.contains(b)) {
                    g.run.add(b);
                }
            }
        }
    }

    /** Whether two atoms can match a same character (of Latin, general punctuation and common blanks). */
    private boolean overlap(String a, String b) {
        return sample(a).intersects(sample(b));
    }

    private java.util.BitSet sample(String atom) {
        return samples.computeIfAbsent(atom, a -> {
            java.util.BitSet bits = new java.util.BitSet();
            Pattern p = Pattern.compile(a, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
            for (int c = 0; c < SAMPLE.length(); c++) {
                if (p.matcher(SAMPLE.substring(c, c + 1)).matches()) {
                    bits.set(c);
                }
            }
            return bits;
        });
    }

    private static final String SAMPLE;

    static {
        StringBuilder sb = new StringBuilder();
        for (char c = 0; c < 0x250; c++) {
            sb.append(c);
        }
        for (char c = 0x2000; c < 0x2070; c++) {
            sb.append(c);
        }
        sb.append('\u3000').append('\ufeff').append('\u0391').append('\u0430').append('\u4e00');
        SAMPLE = sb.toString();
    }

    /** A repeated group: its rounds must be told apart without trying every split of the text. */
    private static void check(Group g) {
        if (g.alternation) {
            Set<String> firsts = new HashSet<>();
            for (String f : g.firstAtoms) {
                if (f == null || !firsts.add(f.toLowerCase(Locale.ROOT))) {
                    throw new Refused("repeats a choice whose alternatives can start alike");
                }
            }
            return;
        }
        if (!g.repeats) {
            return;
        }
        for (char sep : g.mandatoryLiterals) {
            if (g.repeatedAtoms.stream().noneMatch(a -> matches(a, sep))) {
                return;
            }
        }
        throw new Refused("repeats a group that itself repeats (nested quantifiers)");
    }

    private static boolean matches(String atom, char c) {
        Pattern p = Pattern.compile(atom, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        return p.matcher(String.valueOf(c)).matches();
    }

    /** After {@code (}: skips {@code ?:}, {@code ?<name>}, look-arounds and flags; false for {@code (?i)}. */
    private boolean groupPrefix() {
        if (pos >= re.length() || re.charAt(pos) != '?') {
            return true;
        }
        pos++;
        char c = re.charAt(pos);
        if (c == ':' || c == '=' || c == '!' || c == '>') {
            pos++;
            return true;
        }
        if (c == '<') {
            pos++;
            if (re.charAt(pos) == '=' || re.charAt(pos) == '!') {
                pos++;
                return true;
            }
            while (re.charAt(pos) != '>') {
                pos++;
            }
            pos++;
            return true;
        }
        while (pos < re.length() && re.charAt(pos) != ')' && re.charAt(pos) != ':') {
            pos++;
        }
        boolean group = re.charAt(pos) == ':';
        pos++;
        return group;
    }

    /** A character class {@code [...]}, nested classes and escapes included, as its own text. */
    private String charClass() {
        int start = pos;
        int depth = 0;
        while (pos < re.length()) {
            char c = re.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '[') {
                depth++;
                pos++;
                if (pos < re.length() && re.charAt(pos) == '^') {
                    pos++;
                }
                if (pos < re.length() && re.charAt(pos) == ']') {
                    pos++;
                }
                continue;
            }
            pos++;
            if (c == ']' && --depth == 0) {
                break;
            }
        }
        return re.substring(start, pos);
    }

    /** An escape: a one-character string for a literal, a class's text, or {@code null} for an assertion. */
    private String escape() {
        int start = pos;
        pos++;
        char c = re.charAt(pos++);
        switch (c) {
            case 'b', 'B', 'A', 'z', 'Z', 'G', 'E':
                return null;
            case 'k', '1', '2', '3', '4', '5', '6', '7', '8', '9':
                throw new Refused("uses a back-reference");
            case 'Q': {
                int end = re.indexOf("\\E", pos);
                end = end < 0 ? re.length() : end;
                // a quoted run: its last character is the atom a quantifier applies to
                String quoted = re.substring(pos, end);
                pos = Math.min(re.length(), end + 2);
                return quoted.isEmpty() ? null : quoted.substring(quoted.length() - 1);
            }
            case 'x': {
                int from = pos;
                if (re.charAt(pos) == '{') {
                    pos = re.indexOf('}', pos) + 1;
                    from++;
                } else {
                    pos += 2;
                }
                int cp = Integer.parseInt(re.substring(from, re.charAt(pos - 1) == '}' ? pos - 1 : pos), 16);
                return Character.isBmpCodePoint(cp) ? String.valueOf((char) cp) : re.substring(start, pos);
            }
            case 'p', 'P', 'N':
                if (pos < re.length() && re.charAt(pos) == '{') {
                    pos = re.indexOf('}', pos) + 1;
                } else {
                    pos++;
                }
                return re.substring(start, pos);
            case 'u':
                pos += 4;
                return String.valueOf((char) Integer.parseInt(re.substring(pos - 4, pos), 16));
            case 'c':
                pos++;
                return String.valueOf((char) (re.charAt(pos - 1) ^ 64));
            case '0': {
                int from = pos;
                while (pos < re.length() && pos - from < 3 && re.charAt(pos) >= '0' && re.charAt(pos) <= '7') {
                    pos++;
                }
                return String.valueOf((char) Integer.parseInt(re.substring(from, pos), 8));
            }
            case 'd', 'D', 'w', 'W', 's', 'S', 'h', 'H', 'v', 'V', 'R', 'X':
                return re.substring(start, pos);
            case 't':
                return "\t";
            case 'n':
                return "\n";
            case 'r':
                return "\r";
            case 'f':
                return "\f";
            case 'a':
                return "\u0007";
            case 'e':
                return "\u001b";
            default:
                return String.valueOf(c);
        }
    }

    /** The quantifier after an atom as {min, max} (max {@link Integer#MAX_VALUE} when unbounded); {1, 1} when none. */
    private int[] quantifier() {
        if (pos >= re.length()) {
            return new int[] {1, 1};
        }
        char c = re.charAt(pos);
        int[] q;
        if (c == '*') {
            q = new int[] {0, Integer.MAX_VALUE};
            pos++;
        } else if (c == '+') {
            q = new int[] {1, Integer.MAX_VALUE};
            pos++;
        } else if (c == '?') {
            q = new int[] {0, 1};
            pos++;
        } else if (c == '{') {
            int end = re.indexOf('}', pos);
            String[] parts = re.substring(pos + 1, end).split(",", -1);
            int min = Integer.parseInt(parts[0].trim());
            int max = parts.length == 1 ? min : parts[1].isBlank() ? Integer.MAX_VALUE : Integer.parseInt(parts[1].trim());
            q = new int[] {min, max};
            pos = end + 1;
        } else {
            return new int[] {1, 1};
        }
        if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
            pos++;
        }
        return q;
    }
}
