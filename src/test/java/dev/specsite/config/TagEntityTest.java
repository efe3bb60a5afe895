package dev.specsite.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.specsite.TestSites;
import dev.specsite.diag.Diagnostic;
import dev.specsite.diag.Severity;

/** {@code specsite.site-id}, the tagging entity of the feed's tag: URIs (RFC 4151), and its defaults. */
class TagEntityTest {

    @ParameterizedTest
    @ValueSource(strings = {"specs.example.com,2026", "example.com,2004-01", "example.com,2004-02-29",
            "team@example.com,2026-01-05", "first.last_x-y@mail.example.org,1999", "localhost,2026", "192.0.2.1,2026",
            "  Specs.Example.COM,2026  "})
    void tagAuthoritiesAndDatesAreAccepted(String value) {
        assertNull(TagEntity.problem(value), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"specs.example.com", ",2026", "specs example.com,2026", "-example.com,2026",
            "example-.com,2026", "example..com,2026", "a@b@example.com,2026", "@example.com,2026",
            "https://example.com,2026", "example.com,26", "example.com,2026-13", "example.com,2026-02-30",
            "example.com,2026-1-5", "example.com,2026/01/05", "example.com,", "exa\u0000mple.com,2026",
            "bücher.example,2026"})
    void anythingElseIsAProblem(String value) {
        assertNotNull(TagEntity.problem(value), value);
    }

    @Test
    void theDomainIsLowerCasedAndTheDateKept() {
        assertEquals(new TagEntity("specs.example.com", "2026-01"), TagEntity.parse(" Specs.Example.COM,2026-01 "));
        assertEquals(new TagEntity("Team@example.com", "2026"), TagEntity.parse("Team@EXAMPLE.com,2026"));
        assertEquals("tag:specs.example.com,2026-01:SPEC-1", new TagEntity("specs.example.com", "2026-01").uri("SPEC-1"));
        assertEquals("2026-01-01T00:00:00Z", new TagEntity("a.example", "2026").firstInstant());
        assertEquals("2026-03-01T00:00:00Z", new TagEntity("a.example", "2026-03").firstInstant());
        assertEquals("2026-03-04T00:00:00Z", new TagEntity("a.example", "2026-03-04").firstInstant());
    }

    @Test
    void withoutASiteIdTheHostOfTheSiteAndTheDefaultDate(@TempDir Path dir) throws IOException {
        assertEquals(new TagEntity("specs.example.com", TagEntity.DEFAULT_DATE),
                TagEntity.of(config(dir, "site.host=https://Specs.Example.com./sub/\n")));
        assertEquals(new TagEntity(TagEntity.NO_AUTHORITY, TagEntity.DEFAULT_DATE), TagEntity.of(config(dir, "")));
        assertEquals(new TagEntity(TagEntity.NO_AUTHORITY, TagEntity.DEFAULT_DATE),
                TagEntity.of(config(dir, "site.host=http://[2001:db8::1]/\n")), "an IPv6 address is no tag authority");
        assertEquals(new TagEntity("team@example.com", "2025-06"),
                TagEntity.of(config(dir, "site.host=https://specs.example.com\nspecsite.site-id=team@example.com,2025-06\n")));
    }

    @Test
    void aBadSiteIdIsAWarningAtItsLineAndTheHostIsUsed(@TempDir Path dir) throws IOException {
        SiteConfig c = config(dir, "site.host=https://specs.example.com\n\nspecsite.site-id=specs.example.com 2026\n");
        List<Diagnostic> d = c.diagnostics();
        assertEquals(1, d.size(), d.toString());
        assertEquals(Severity.WARNING, d.get(0).severity());
        assertEquals("config-invalid-site-id", d.get(0).code());
        assertEquals(3, d.get(0).line());
        assertEquals("site-config.properties", d.get(0).file());
        assertTrue(d.get(0).message().contains("it has no date"), d.get(0).message());
        assertEquals("", c.values().get(TagEntity.KEY), "the bad value is not kept");
        assertEquals(new TagEntity("specs.example.com", TagEntity.DEFAULT_DATE), TagEntity.of(c));
    }

    private static SiteConfig config(Path dir, String lines) throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path content = Files.createDirectories(repo.resolve("content"));
        return TestSites.config(content, repo.resolve("out"), repo, lines, repo);
    }
}
