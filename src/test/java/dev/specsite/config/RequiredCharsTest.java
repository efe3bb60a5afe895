package dev.specsite.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The characters every match of a pattern holds, read conservatively from its text. */
class RequiredCharsTest {

    private static final char D = RequiredChars.DIGIT;

    private static Set<Character> set(char... cs) {
        Set<Character> s = new HashSet<>();
        for (char c : cs) {
            s.add(c);
        }
        return s;
    }

    @Test
    void theDefaultPatterns() {
        assertEquals(set('-', D), RequiredChars.of(
                "(?<![\\w/#.-])(?<id>[A-Z][A-Z0-9]{1,15}-\\d{1,6})(?:#(?<anchor>[A-Za-z][\\w.-]*\\w))?(?![\\w-])"));
        assertEquals(set(D), RequiredChars.of(
                "(?<![\\w/#.-])(?<word>[A-Z]{3,8})(?: ?#|-| )?(?<num>\\d{1,5})(?![\\w-]|\\.\\d)"));
        assertEquals(set('#', D), RequiredChars.of(
                "(?<![\\w/.#-])(?<repo>[A-Za-z0-9][\\w.-]*(?:/[\\w.-]+)?)#(?<num>\\d{1,6})(?![\\w-])"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
            "a|b                 => ''",     // alternatives: neither is required
            "(?:#|@)\\d          => '9'",    // an alternative group, then a digit
            "x?y                 => 'y'",
            "x*y+                => 'y'",
            "x{0,3}y{2}          => 'y'",
            "x{00}y              => 'y'",
            "(?i)abc             => ''",     // inline flags: unsure
            "(?x)a #comment      => ''",
            "\\Q#\\E             => ''",     // quoting: unsure
            "[#]\\d              => '9'",    // a class is no one character
            "[]#]x               => 'x'",
            "(?=#)\\d            => '9'",    // lookarounds require nothing of the match
            "(?<!#)\\d           => '9'",
            "\\#\\d              => '#9'",
            "\\p{L}#             => ''",     // escapes with letters: unsure
            "(?<n>RFC)-?\\d+     => 'CFR9'",
            "(a(b)?c)            => 'ac'",
            "((a|b)c)d           => 'cd'",
            "(ab                 => ''",     // not a valid pattern: nothing assumed
            "ab)                 => ''",
    })
    void readsOnlyWhatItFollows(String regex, String expected) {
        Set<Character> want = new HashSet<>();
        for (char c : expected.toCharArray()) {
            want.add(c == '9' ? D : c); // 9 stands for any digit
        }
        assertEquals(want, RequiredChars.of(regex.strip()));
    }

    /** Whatever a pattern matches in random text holds every character the reading requires. */
    @Test
    void neverRequiresWhatAMatchLacks() {
        List<String> patterns = List.of("(?<id>[A-Z]{1,3}-\\d{1,3})(?:#(?<a>[a-z]+))?", "a?#?(?<n>\\d)b*", "(?:x|#)+y\\d?",
                "(?<w>[A-Z]{2})(?: ?#|-)?(?<n>\\d{1,2})", "[a#-]{2}(b|-)\\d", "(?<r>[a-z]+(?:/[a-z]+)?)#(?<n>\\d+)");
        String alphabet = "abxyAB#-/ 19";
        Random r = new Random(42);
        int matches = 0;
        for (String p : patterns) {
            Pattern compiled = Pattern.compile(p);
            Set<Character> required = RequiredChars.of(p);
            assertTrue(!required.isEmpty(), p);
            for (int i = 0; i < 20_000; i++) {
                StringBuilder sb = new StringBuilder();
                for (int n = r.nextInt(12); n > 0; n--) {
                    sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                Matcher m = compiled.matcher(sb);
                while (m.find()) {
                    matches++;
                    String found = m.group();
                    for (char c : required) {
                        assertTrue(c == D ? found.chars().anyMatch(Character::isDigit) : found.indexOf(c) >= 0,
                                p + " matched '" + found + "' without " + c);
                    }
                }
            }
        }
        assertTrue(matches > 10_000, "random texts must match often: " + matches);
    }
}
