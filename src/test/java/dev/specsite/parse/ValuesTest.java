package dev.specsite.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-01-05|2026-01-05",
            "2026/05/18|2026-05-18",
            "23-07-2014|2014-07-23",
            "December 16, 2016|2016-12-16",
            "Dec 16 2016|2016-12-16",
            "16 December 2016|2016-12-16",
            "July 2015|2015-07-01",
            "2024-01-05T10:00:00Z|2024-01-05",
            "**2026-02-01** (revised)|2026-02-01",
            "05/18/2026|2026-05-18"})
    void readsDatesAsPeopleWriteThem(String raw, String iso) {
        assertEquals(iso, Values.date(raw).iso());
    }

    @Test
    void invalidAndPlaceholderDates() {
        assertTrue(Values.date("2026-13-45").invalid());
        assertTrue(Values.date("someday").invalid());
        assertTrue(Values.date("YYYY-MM-DD").placeholder());
        assertTrue(Values.date("[YYYY-MM-DD]").placeholder());
        assertNull(Values.date("TBD").iso());
        assertFalse(Values.date("TBD").invalid());
    }

    @Test
    void people() {
        assertEquals(List.of("lee", "kim"), Values.people("@lee, @kim"));
        assertEquals(List.of("Russ Cox", "Ian Lance Taylor"), Values.people("Russ Cox, Ian Lance Taylor"));
        assertEquals(List.of("Ana Ruiz"), Values.people("Ana Ruiz, Staff Engineer"));
        assertEquals(List.of("Bo Chen"), Values.people("[Bo Chen](https://example.com/bo) <bo@example.com>"));
        assertEquals(List.of(), Values.people("[Your Name]"));
        assertEquals(List.of(), Values.people("@username"));
    }

    @Test
    void placeholders() {
        assertTrue(Values.isPlaceholder("[Feature Name]"));
        assertTrue(Values.isPlaceholder("@username"));
        assertTrue(Values.isPlaceholder("YYYY-MM-DD"));
        assertFalse(Values.isPlaceholder("[a link](x.md)"));
        assertFalse(Values.isPlaceholder("Password reset"));
    }

    @Test
    void plainRemovesMarkdown() {
        assertEquals("Implemented (Swift 5.9)", Values.plain("**Implemented (Swift 5.9)**"));
        assertEquals("tasks/T-31.md", Values.plain("`tasks/T-31.md`"));
        assertEquals("rust-lang/rfcs#1", Values.plain("[rust-lang/rfcs#1](https://github.com/rust-lang/rfcs/pull/1)"));
        assertEquals("snake_case_name", Values.plain("snake_case_name"));
    }

    @Test
    void plainKeepsBreaksEscapesAndSpacingRules() {
        assertEquals("a b c", Values.plain("a<br>b<BR />c"));
        assertEquals("#1 [x] end", Values.plain("\\#1 \\[x\\] end\\"));
        assertEquals("a b\u00a0 c", Values.plain(" a \t\n b\u00a0 \r\nc "));
    }

    @Test
    void collapseSpaceIsTheRegularExpression() {
        for (String s : List.of("", " ", "a", "a b", "a  b", " a ", "a\tb", "a \n b", "a\u000Bb\fc\r", "a\u00a0\u2003 b",
                "  ", "x \t ", "\n")) {
            assertEquals(s.replaceAll("\\s+", " "), Values.collapseSpace(s), s);
        }
    }
}
