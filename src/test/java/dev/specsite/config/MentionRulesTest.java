package dev.specsite.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.specsite.TestSites;

/** The default mention patterns, as the parse and link stages see them. */
class MentionRulesTest {

    static final MentionRules DEFAULTS = MentionRules.of(TestSites.config(Path.of("."), Path.of("out")));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "see SPEC-042 here      | SPEC-042             | ID     | SPEC-042 |      |        |",
            "as SPEC-042#FR-3 says  | SPEC-042#FR-3        | ID     | SPEC-042 | FR-3 |        |",
            "FEAT-7.                | FEAT-7               | ID     | FEAT-7   |      |        |",
            "RFC 1234 says          | RFC 1234             | NUMBER |          |      | RFC    |",
            "(RFC #1234)            | RFC #1234            | NUMBER |          |      | RFC    |",
            "RFC#1234               | RFC#1234             | NUMBER |          |      | RFC    |",
            "RFC1234                | RFC1234              | NUMBER |          |      | RFC    |",
            "in rust-lang/rfcs#1234 | rust-lang/rfcs#1234  | NUMBER |          |      |        | rust-lang/rfcs",
            "rfcs#1234.             | rfcs#1234            | NUMBER |          |      |        | rfcs",
    })
    void findsEachForm(String text, String found, String kind, String id, String anchor, String word, String repo) {
        List<MentionRules.Mention> all = DEFAULTS.find(text);
        assertEquals(1, all.size(), all.toString());
        MentionRules.Mention m = all.get(0);
        assertEquals(found, text.substring(m.start(), m.end()));
        assertEquals(MentionRules.Kind.valueOf(kind), m.kind());
        assertEquals(id, m.id());
        assertEquals(anchor, m.anchor());
        assertEquals(word, m.word());
        assertEquals(repo, m.repo());
        MentionRules.Mention again = DEFAULTS.classify(found).orElseThrow();
        assertEquals(List.of(m.kind(), String.valueOf(m.id()), m.number()),
                List.of(again.kind(), String.valueOf(again.id()), again.number()), "the link stage reads it back");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"UTF-8", "SHA-256 digest", "ISO-8601", "a path/SPEC-1", "x.SPEC-1",
            "SPEC-1a", "version 1.2", "ID5", "HTTP 2.0"})
    void ignoresWhatIsNoMention(String text) {
        assertEquals(List.of(), DEFAULTS.find(text));
    }

    @Test
    void overlappingMatchesKeepTheEarlierAndLonger() {
        List<MentionRules.Mention> all = DEFAULTS.find("RFC-12 and ADR-1#FR-2");
        assertEquals(2, all.size());
        assertEquals("RFC-12", all.get(0).id(), "the id pattern, tried first, wins the tie");
        assertEquals("FR-2", all.get(1).anchor());
    }

    @Test
    void configuredPatternsMustCaptureSomething(@TempDir Path dir) throws Exception {
        Path props = dir.resolve("c.properties");
        Files.writeString(props, "specsite.mentions.pattern.bad=TICKET-\\\\d+\n");
        SiteConfig c = ConfigLoader.load(props, TestSites.projectRoot(), dir, dir.resolve("out"));
        ConfigLoader.ConfigException e = assertThrows(ConfigLoader.ConfigException.class, () -> MentionRules.of(c));
        assertTrue(e.getMessage().contains("specsite.mentions.pattern.bad"), e.getMessage());
        Files.writeString(props, "specsite.mentions.pattern.bad=(?<id>[\n");
        SiteConfig c2 = ConfigLoader.load(props, TestSites.projectRoot(), dir, dir.resolve("out"));
        assertThrows(ConfigLoader.ConfigException.class, () -> MentionRules.of(c2));
    }
}
