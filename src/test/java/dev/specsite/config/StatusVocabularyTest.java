package dev.specsite.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.specsite.TestSites;

class StatusVocabularyTest {
    static final StatusVocabulary V = TestSites.config(Path.of("content"), Path.of("out")).statuses();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Draft|draft", "draft|draft", "In Review|in-review", "in-review|in-review",
            "Implemented (Swift 5.9)|implemented", "Active Review (May 1–12)|in-review",
            "Accepted|approved", "Accepted with modifications|approved", "Superseded by SPEC-9|superseded",
            "**Rejected**|rejected", "Final|implemented", "On hold|deferred", "Returned for revision|draft"})
    void matchesLeadingWords(String value, String slug) {
        assertEquals(Optional.of(slug), V.match(value));
    }

    @ParameterizedTest
    @CsvSource({"Pondering", "Reviewed-ish", "''"})
    void unknownValuesDoNotMatch(String value) {
        assertEquals(Optional.empty(), V.match(value));
    }
}
