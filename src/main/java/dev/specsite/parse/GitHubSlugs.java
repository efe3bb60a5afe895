package dev.specsite.parse;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Node;

/**
 * Heading anchors as GitHub makes them, so that a link that works on GitHub works on the site.
 * The rules (those github-slugger documents from GitHub's own output): the heading's text is made
 * lower case; every character that is not a letter, a mark, a decimal or letter number, a connector
 * ({@code _}), {@code -} or a space is removed (punctuation, symbols and so emoji, other numbers,
 * controls, other white space), except characters Unicode calls alphabetic; each space becomes
 * {@code -}. Non-ASCII letters stay, lower-cased ({@code Привет} gives {@code привет}). A slug
 * already given in the document gets {@code -1}, {@code -2}, … (the first free one).
 *
 * <p>One instance numbers the headings of one document; not shared between threads.
 */
final class GitHubSlugs {
    /** How often each slug was asked for: the next duplicate gets the count as its suffix. */
    private final Map<String, Integer> occurrences = new HashMap<>();

    /**
     * The slug of every heading of a document, numbered in document order as GitHub numbers them
     * (all levels, the title heading too, so it must still be in the tree).
     */
    static Map<Heading, String> ofHeadings(Node document) {
        GitHubSlugs slugs = new GitHubSlugs();
        Map<Heading, String> out = new IdentityHashMap<>();
        for (Node n : document.getDescendants()) {
            if (n instanceof Heading h) {
                out.put(h, slugs.unique(NodeText.shownText(h)));
            }
        }
        return out;
    }

    /** The slug of a heading's text, unique in this document: {@code -1}, {@code -2}, … added to a repeat. */
    String unique(String text) {
        String base = slug(text);
        String result = base;
        while (occurrences.containsKey(result)) {
            int n = occurrences.merge(base, 1, Integer::sum);
            result = base + "-" + n;
        }
        occurrences.put(result, 0);
        return result;
    }

    /** The slug of a heading's text, as GitHub makes it (not made unique). */
    static String slug(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        for (int i = 0, n = lower.length(); i < n; ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            if (c == ' ') {
                sb.append('-');
            } else if (kept(c)) {
                sb.appendCodePoint(c);
            }
        }
        return sb.toString();
    }

    /** Whether a character (not a space) stays in a slug. */
    static boolean kept(int c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c >= 'A' && c <= 'Z';
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.CONNECTOR_PUNCTUATION -> true;
            case Character.SURROGATE -> false; // a lone half of a pair: no character at all
            default -> Character.isAlphabetic(c);
        };
    }
}
