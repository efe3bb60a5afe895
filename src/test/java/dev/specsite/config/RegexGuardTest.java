package dev.specsite.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Regular expressions that could hang the build are refused; ordinary ones, and specsite's own, are not. */
class RegexGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"(a+)+$", "(a*)*b", "([a-z]+)*$", "(\\w+\\s?)+$", "(a|a)*$", "(a|aa)+$", "(.*a){20}",
            "(x+x+)+y", "(\\d+\\.?)+$", "((ab)*)*c", "(a)\\1", "(?<x>a)\\k<x>", "a*a*b", "\\d+\\d+x", ".*a.*b",
            "(?:\\d+\\.\\d+)*x", "(?:a{1,10}){1,10}b", "\\w+(?:\\w)*!", "(?:a+)?a+b", "(?:\\x41+)+!", "(?i:[a-z]+A)+$"})
    void catastrophicPatternsAreRefused(String regex) {
        assertNotNull(RegexGuard.problem(regex), regex);
    }

    @ParameterizedTest
    @ValueSource(strings = {"REQ-\\d+", "[A-Z]+-\\d+", "(?:FR|NFR|REQ)-\\d+(?:\\.\\d+)*", "(?:[A-Z]+-)+\\d+",
            "(?:ab|cd)+", "\\bSR-[0-9]{1,4}\\b", "(?<id>[A-Z]{2,5}-\\d{1,6})", "[a-z]+\\d+", "\\Q[x]\\E\\d+"})
    void ordinaryPatternsAreKept(String regex) {
        assertNull(RegexGuard.problem(regex), regex);
    }

    @Test
    void theReasonIsSaid() {
        assertEquals("repeats a group that itself repeats (nested quantifiers)", RegexGuard.problem("(a+)+$"));
        assertEquals("repeats a choice whose alternatives can start alike", RegexGuard.problem("(a|aa)+$"));
        assertEquals("has repetitions in a row that can match the same text", RegexGuard.problem(".*a.*b"));
        assertEquals("uses a back-reference", RegexGuard.problem("(a)\\1"));
        assertNull(RegexGuard.problem("(unclosed"), "an invalid pattern is the caller's to report");
    }

    @Test
    void tooLongIsRefused() {
        assertEquals("is longer than 500 characters", RegexGuard.problem("a".repeat(501)));
        assertNull(RegexGuard.problem("a".repeat(500)));
    }

    @Test
    void specsitesOwnPatternsAreKept() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/dev/specsite/specsite-defaults.properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        int n = 0;
        for (String k : p.stringPropertyNames()) {
            if (k.contains("pattern")) {
                Pattern.compile(p.getProperty(k));
                assertNull(RegexGuard.problem(p.getProperty(k)), k);
                n++;
            }
        }
        assertTrue(n >= 4, "requirements and three mention patterns");
    }
}
