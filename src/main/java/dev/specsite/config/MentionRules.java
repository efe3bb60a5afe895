package dev.specsite.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How id mentions are found in prose: the patterns of {@code specsite.mentions.pattern.<name>}
 * (Java regular expressions, tried in name order), the words that may stand before a spec number
 * ({@code specsite.mentions.number-words}; empty means "learnt from the text", see the link stage)
 * and the prefixes and words that never start a mention ({@code specsite.mentions.stop-words}).
 *
 * <p>Each pattern names what it captures with named groups: {@code id} (a spec id, with an optional
 * {@code anchor}), or {@code num} (a spec number, with an optional {@code word} such as {@code RFC}
 * or {@code repo} such as {@code rust-lang/rfcs}). A pattern set to the empty string is switched off.
 * Immutable and thread-safe.
 */
public final class MentionRules {

    /** The key prefix of mention patterns. */
    public static final String PATTERN_PREFIX = "specsite.mentions.pattern.";

    /** What a mention names. */
    public enum Kind {
        /** A spec id such as {@code SPEC-042}, possibly with an anchor. */
        ID,
        /** A spec number such as {@code RFC 1234} or {@code rust-lang/rfcs#1234}. */
        NUMBER
    }

    /**
     * A mention found in text.
     *
     * @param start  offset of its first character
     * @param end    offset after its last character
     * @param kind   what it names
     * @param id     the id ({@link Kind#ID}) or {@code null}
     * @param anchor the anchor after {@code #}, or {@code null}
     * @param number the number ({@link Kind#NUMBER}), or -1
     * @param word   the word before the number ({@code RFC}), upper-cased, or {@code null}
     * @param repo   the repository before {@code #} ({@code rust-lang/rfcs}), lower-cased, or {@code null}
     */
    public record Mention(int start, int end, Kind kind, String id, String anchor, long number, String word,
                          String repo) {
    }

    /**
     * A compiled pattern, the named groups it has, and characters every match contains (see
     * {@link RequiredChars}): a text without one of them is not searched.
     */
    private record Rule(Pattern pattern, Set<String> groups, char[] required, boolean digit) {
        static Rule of(Pattern pattern, Set<String> groups) {
            Set<Character> required = RequiredChars.of(pattern.pattern());
            StringBuilder chars = new StringBuilder();
            required.stream().filter(c -> c != RequiredChars.DIGIT).sorted().forEach(chars::append);
            return new Rule(pattern, groups, chars.toString().toCharArray(), required.contains(RequiredChars.DIGIT));
        }

        /** Whether the text may hold a match. */
        boolean mayMatch(String text, boolean hasDigit) {
            if (digit && !hasDigit) {
                return false;
            }
            for (char c : required) {
                if (text.indexOf(c) < 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private final List<Rule> patterns;
    private final Set<String> numberWords;
    private final Set<String> stopWords;
    private final boolean numbersFromFileNames;

    private MentionRules(List<Rule> patterns, Set<String> numberWords, Set<String> stopWords,
                         boolean numbersFromFileNames) {
        this.patterns = List.copyOf(patterns);
        this.numberWords = Set.copyOf(numberWords);
        this.stopWords = Set.copyOf(stopWords);
        this.numbersFromFileNames = numbersFromFileNames;
    }

    /**
     * The rules of a configuration.
     *
     * @throws ConfigLoader.ConfigException when a pattern is no valid regular expression or captures nothing usable
     */
    public static MentionRules of(SiteConfig config) {
        Map<String, String> values = config.values();
        Map<String, String> byName = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(PATTERN_PREFIX) && !v.isBlank()) {
                byName.put(k, v.trim());
            }
        });
        List<Rule> patterns = new ArrayList<>();
        for (Map.Entry<String, String> e : byName.entrySet()) {
            Pattern p;
            try {
                p = Pattern.compile(e.getValue());
            } catch (PatternSyntaxException ex) {
                throw new ConfigLoader.ConfigException(e.getKey() + " is not a valid regular expression: "
                        + ex.getDescription(), ex);
            }
            Set<String> groups = new HashSet<>();
            Matcher g = GROUP_NAME.matcher(e.getValue());
            while (g.find()) {
                groups.add(g.group(1));
            }
            if (!groups.contains("id") && !groups.contains("num")) {
                throw new ConfigLoader.ConfigException(e.getKey() + " must have a named group (?<id>…) or (?<num>…)",
                        null);
            }
            patterns.add(Rule.of(p, groups));
        }
        return new MentionRules(patterns, upperList(values.get("specsite.mentions.number-words")),
                upperList(values.get("specsite.mentions.stop-words")),
                !"false".equalsIgnoreCase(values.getOrDefault("specsite.mentions.numbers-from-file-names", "true")
                        .trim()));
    }

    private static Set<String> upperList(String v) {
        Set<String> out = new HashSet<>();
        if (v != null) {
            for (String s : v.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim().toUpperCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** The words configured to stand before a spec number; empty when they are to be learnt. */
    public Set<String> numberWords() {
        return numberWords;
    }

    /** Whether a leading number in a file name ({@code 0042-x.md}) gives the spec a number alias. */
    public boolean numbersFromFileNames() {
        return numbersFromFileNames;
    }

    /** Every mention in a text, left to right, without overlaps (the earlier, then the longer wins). */
    public List<Mention> find(String text) {
        return find(text, UnaryOperator.identity());
    }

    /**
     * Every mention in a text, the patterns matched over {@code reading.apply(text)} (a sequence of
     * the same characters that may bound the time they take).
     */
    public List<Mention> find(String text, UnaryOperator<CharSequence> reading) {
        boolean digit = hasDigit(text);
        List<Mention> all = new ArrayList<>();
        for (Rule p : patterns) {
            if (!p.mayMatch(text, digit)) {
                continue;
            }
            Matcher m = p.pattern().matcher(reading.apply(text));
            while (m.find()) {
                Mention mention = toMention(p, m);
                if (mention != null) {
                    all.add(mention);
                }
            }
        }
        all.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end(), a.end()));
        List<Mention> out = new ArrayList<>();
        int last = 0;
        for (Mention m : all) {
            if (m.start() >= last) {
                out.add(m);
                last = m.end();
            }
        }
        return out;
    }

    /**
     * The id a file name starts with, or {@code null}: the shortest start of {@code name} (a file
     * name without its extension) that ends before a {@code -}, {@code _}, {@code .} or the end and
     * that the id mention patterns read as a whole as an id, with no anchor and a prefix that is no
     * stop word ({@code SPEC-4273-delegated-password-reset} gives {@code SPEC-4273},
     * {@code CVE-2024-1234} nothing).
     */
    public String idAtStartOf(String name) {
        int tries = 0;
        for (int end = 1; end <= name.length() && tries < 4; end++) {
            if (end < name.length() && "-_.".indexOf(name.charAt(end)) < 0) {
                continue;
            }
            String start = name.substring(0, end);
            if (!hasDigit(start)) {
                continue;
            }
            tries++;
            Optional<Mention> m = classify(start);
            if (m.isPresent() && m.get().kind() == Kind.ID && m.get().anchor() == null) {
                return m.get().id();
            }
        }
        return null;
    }

    /** Reads a mention as written (the target the parse stage recorded), or empty when it is none. */
    public Optional<Mention> classify(String written) {
        return find(written).stream().filter(m -> m.start() == 0 && m.end() == written.length()).findFirst();
    }

    private Mention toMention(Rule p, Matcher m) {
        Set<String> groups = p.groups();
        String id = group(m, groups, "id");
        String anchor = group(m, groups, "anchor");
        if (id != null) {
            int dash = id.indexOf('-');
            if (dash > 0 && stopWords.contains(id.substring(0, dash).toUpperCase(Locale.ROOT))) {
                return null;
            }
            return new Mention(m.start(), m.end(), Kind.ID, id, anchor, -1, null, null);
        }
        String num = group(m, groups, "num");
        if (num == null || num.length() > 9) {
            return null;
        }
        String word = group(m, groups, "word");
        if (word != null && stopWords.contains(word.toUpperCase(Locale.ROOT))) {
            return null;
        }
        String repo = group(m, groups, "repo");
        return new Mention(m.start(), m.end(), Kind.NUMBER, null, anchor, Long.parseLong(num),
                word == null ? null : word.toUpperCase(Locale.ROOT), repo == null ? null : repo.toLowerCase(Locale.ROOT));
    }

    private static String group(Matcher m, Set<String> groups, String name) {
        return groups.contains(name) ? m.group(name) : null;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
