package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.TestSites;
import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.diag.Severity;
import dev.specsite.site.BuildListener;
import dev.specsite.site.BuildResult;
import dev.specsite.site.GitTest;
import dev.specsite.site.SiteBuilder;

/**
 * {@code feed.xml} as a feed reader sees it: well-formed Atom (RFC 4287), one entry per spec with a
 * {@code tag:} id (RFC 4151) that a rename does not change, times from the declared dates and the Git
 * history in UTC, and never the epoch — the same bytes under any default time zone and locale.
 */
class FeedTest {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    @TempDir
    Path dir;

    /** The feed, parsed with jsoup's XML parser and checked against Atom's required elements. */
    static Document atom(Path out) throws IOException {
        String xml = Files.readString(out.resolve("feed.xml"));
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"), xml);
        assertFalse(xml.contains("1970-01-01"), "never the epoch");
        Document d = Jsoup.parse(xml, "", Parser.xmlParser());
        List<Element> roots = d.children().stream().filter(e -> !e.tagName().startsWith("?")).toList();
        assertEquals(1, roots.size(), "one root element");
        Element feed = roots.get(0);
        assertEquals("feed", feed.tagName());
        assertEquals(ATOM, feed.attr("xmlns"));
        for (String required : List.of("id", "title", "updated")) {
            assertEquals(1, feed.select("> " + required).size(), "feed/" + required);
        }
        assertTrue(feed.selectFirst("> id").text().startsWith("tag:"), feed.selectFirst("> id").text());
        String feedUpdated = feed.selectFirst("> updated").text();
        assertTrue(feedUpdated.matches(INSTANT), feedUpdated);
        assertEquals(1, feed.select("> link[rel=self]").size());
        boolean feedAuthor = !feed.select("> author").isEmpty();
        Set<String> ids = new HashSet<>();
        String previous = null;
        for (Element e : feed.select("> entry")) {
            for (String required : List.of("id", "title", "updated")) {
                assertEquals(1, e.select("> " + required).size(), "entry/" + required + " in " + e);
            }
            assertTrue(e.select("> published").size() <= 1);
            String id = e.selectFirst("> id").text();
            assertTrue(id.matches("tag:[a-z0-9.@_-]+,\\d{4}(-\\d{2}){0,2}:[A-Za-z0-9._~%-]+"), id);
            assertTrue(ids.add(id), "ids are unique: " + id);
            String updated = e.selectFirst("> updated").text();
            assertTrue(updated.matches(INSTANT), updated);
            for (Element p : e.select("> published")) {
                assertTrue(p.text().matches(INSTANT), p.text());
            }
            assertTrue(feedAuthor || !e.select("> author > name").isEmpty(), "an author for every entry");
            assertFalse(e.selectFirst("> link").attr("href").isEmpty());
            assertTrue(updated.compareTo(feedUpdated) <= 0, "the feed is as new as its newest entry");
            assertTrue(previous == null || previous.compareTo(updated) >= 0, "newest first");
            previous = updated;
        }
        if (previous != null) {
            assertEquals(feed.selectFirst("> entry > updated").text(), feedUpdated, "the feed's time is its newest entry's");
        }
        return d;
    }

    /** The ids, published and updated times of the entries, in order, one line each. */
    static List<String> entries(Document feed) {
        return feed.select("feed > entry").stream().map(e -> e.selectFirst("> id").text() + " "
                + (e.selectFirst("> published") == null ? "-" : e.selectFirst("> published").text()) + " "
                + e.selectFirst("> updated").text()).toList();
    }

    /**
     * A repository: SPEC-1 declares no date (committed 2026-03-04 23:30 at -08:00, changed 2026-04-01),
     * SPEC-2 declares a date on which it has no commit, SPEC-3 a date on which it was committed.
     */
    Path repo() throws Exception {
        Path repo = dir.resolve("repo");
        TestSites.write(repo, """
                -- a.md --
                # SPEC-1: Undated

                **Status**: Draft

                Nobody wrote down a date.
                """);
        GitTest.git(repo, "init", "-q");
        GitTest.git(repo, "add", "-A");
        GitTest.gitAt("2026-03-04T23:30:00-08:00", repo, "commit", "-q", "-m", "SPEC-1");
        TestSites.write(repo, """
                -- b.md --
                # SPEC-2: Declared before its commit

                **Status**: Draft
                **Created**: 2026-03-01

                Written on paper first.
                -- c.md --
                # SPEC-3: Declared on the day of its commit

                **Status**: Approved
                **Created**: 2026-03-05

                Committed the day it was written.
                """);
        GitTest.git(repo, "add", "-A");
        GitTest.gitAt("2026-03-05T12:00:00+02:00", repo, "commit", "-q", "-m", "SPEC-2, SPEC-3");
        Files.writeString(repo.resolve("a.md"), Files.readString(repo.resolve("a.md")) + "\nA second thought.\n");
        GitTest.gitAt("2026-04-01T08:00:00Z", repo, "commit", "-q", "-am", "SPEC-1 again");
        return repo;
    }

    SiteConfig config(Path source, Path out, String properties) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("config-" + out.getFileName()));
        return TestSites.config(source, out, folder, properties, dir);
    }

    @Test
    void entriesAreDatedByWhatTheSpecsDeclareAndByGit() throws Exception {
        Path out = dir.resolve("out");
        BuildResult r = new SiteBuilder(config(repo(), out, """
                site.host=https://specs.example.com
                specsite.site-id=specs.example.com,2025
                """), BuildListener.SILENT).build(true);
        Document feed = atom(out);
        assertEquals("tag:specs.example.com,2025:specsite/feed", feed.selectFirst("feed > id").text());
        assertEquals(List.of(
                // no date declared: its first and last commits, in UTC
                "tag:specs.example.com,2025:SPEC-1 2026-03-05T07:30:00Z 2026-04-01T08:00:00Z",
                // the declared day, at the time of the commit made on it (12:00 at +02:00)
                "tag:specs.example.com,2025:SPEC-3 2026-03-05T10:00:00Z 2026-03-05T10:00:00Z",
                // the declared day, which has no commit: midnight UTC
                "tag:specs.example.com,2025:SPEC-2 2026-03-01T00:00:00Z 2026-03-01T00:00:00Z"), entries(feed));
        assertEquals("2026-04-01T08:00:00Z", feed.selectFirst("feed > updated").text());
        assertEquals("https://specs.example.com/specs/SPEC-1.html", feed.selectFirst("entry > link").attr("href"));
        assertEquals(List.of("SPEC-1: Undated (updated)", "SPEC-3: Declared on the day of its commit (created)",
                "SPEC-2: Declared before its commit (created)"), feed.select("entry > title").eachText());
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.code().equals("no-dates")));
    }

    @Test
    void idsSurviveARenameOfTheFileAndAMoveOfTheSite() throws Exception {
        Path repo = repo();
        Path before = dir.resolve("before");
        new SiteBuilder(config(repo, before, "site.host=https://old.example.com\nspecsite.site-id=specs.example.com,2025\n"),
                BuildListener.SILENT).build(true);
        Files.createDirectories(repo.resolve("moved"));
        GitTest.git(repo, "mv", "b.md", "moved/declared.md");
        GitTest.gitAt("2026-04-02T09:00:00Z", repo, "commit", "-q", "-m", "move SPEC-2");
        Path after = dir.resolve("after");
        new SiteBuilder(config(repo, after, "site.host=https://new.example.org\nspecsite.site-id=specs.example.com,2025\n"),
                BuildListener.SILENT).build(true);
        List<String> idsBefore = atom(before).select("entry > id").eachText();
        Document moved = atom(after);
        assertEquals(Set.copyOf(idsBefore), Set.copyOf(moved.select("entry > id").eachText()),
                "the same ids after the file moved and the site went to another host");
        assertTrue(moved.select("entry > link").eachAttr("href").stream().allMatch(h -> h.startsWith("https://new.example.org/")));

        // without specsite.site-id the host is the authority, with specsite's default date
        Path byHost = dir.resolve("by-host");
        new SiteBuilder(config(repo, byHost, "site.host=https://Specs.Example.com/\n"), BuildListener.SILENT).build(true);
        assertEquals("tag:specs.example.com,2026:SPEC-1", atom(byHost).selectFirst("entry > id").text());
    }

    @Test
    void withoutDatesAndWithoutGitTheFeedIsEmptyAndAnInfoSaysWhy() throws IOException {
        Path src = TestSites.write(dir.resolve("plain"), """
                -- a.md --
                # SPEC-1: Undated

                No date anywhere.
                -- b.md --
                # SPEC-2: Undated too
                """);
        for (Path p = src.toAbsolutePath(); p != null; p = p.getParent()) {
            assertFalse(Files.exists(p.resolve(".git")), "the temporary folder must be outside Git: " + p);
        }
        Path out = dir.resolve("out");
        BuildResult r = new SiteBuilder(config(src, out, ""), BuildListener.SILENT).build(true);
        Document feed = atom(out);
        assertTrue(feed.select("entry").isEmpty());
        assertEquals("tag:specsite.invalid,2026:specsite/feed", feed.selectFirst("feed > id").text());
        assertEquals("2026-01-01T00:00:00Z", feed.selectFirst("feed > updated").text(), "the first day of the tag's date");
        List<Diagnostic> why = r.diagnostics().stream().filter(d -> d.code().equals("no-dates")).toList();
        assertEquals(1, why.size(), r.diagnostics().toString());
        assertEquals(Severity.INFO, why.get(0).severity());
        assertTrue(why.get(0).message().contains("no Git history"), why.get(0).message());

        // a configured as-of date is the feed's time then
        Path asOf = dir.resolve("as-of");
        new SiteBuilder(config(src, asOf, "specsite.as-of=2026-05-06\n"), BuildListener.SILENT).build(true);
        assertEquals("2026-05-06T00:00:00Z", atom(asOf).selectFirst("feed > updated").text());
    }

    @Test
    void aCommitLaterTheSameDayRendersTheFeedAgain() throws Exception {
        Path repo = repo();
        Path out = dir.resolve("out");
        SiteBuilder builder = new SiteBuilder(config(repo, out, ""), BuildListener.SILENT, false);
        builder.build(true);
        assertEquals("2026-04-01T08:00:00Z", atom(out).selectFirst("feed > updated").text());
        // a body edit on the same day: no date any page shows changes, the feed's time does
        Files.writeString(repo.resolve("a.md"), Files.readString(repo.resolve("a.md")) + "\nA third thought.\n");
        GitTest.gitAt("2026-04-01T17:45:00Z", repo, "commit", "-q", "-am", "SPEC-1 once more");
        BuildResult r = builder.build(true);
        assertTrue(r.work().othersRendered(), "the feed is one of the other pages");
        assertEquals("2026-04-01T17:45:00Z", atom(out).selectFirst("feed > updated").text());
        // nothing changed: nothing rendered again
        BuildResult same = builder.build(true);
        assertFalse(same.work().othersRendered());
        assertEquals(List.of(), same.work().rendered());
    }

    @Test
    void theFeedIsTheSameUnderAnotherDefaultTimeZoneAndLocale() throws Exception {
        Path repo = repo();
        String properties = "site.host=https://specs.example.com\n";
        Path utc = dir.resolve("utc");
        Path other = dir.resolve("other");
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            Locale.setDefault(Locale.ROOT);
            new SiteBuilder(config(repo, utc, properties), BuildListener.SILENT).build(true);
            // +05:45, Thai digits and the Buddhist calendar: a time or date formatted by default would differ
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kathmandu"));
            Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai-ca-buddhist"));
            new SiteBuilder(config(repo, other, properties), BuildListener.SILENT).build(true);
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
            Locale.setDefault(Locale.Category.FORMAT, format);
        }
        for (String f : List.of("feed.xml", "api/specs.json", "api/open-questions.json", "timeline.html")) {
            assertArrayEquals(Files.readAllBytes(utc.resolve(f)), Files.readAllBytes(other.resolve(f)), f);
        }
        assertNotEquals(List.of(), entries(atom(other)));
    }

    @Test
    void theFeedOfTheSampleContentIsValidAtom() throws IOException {
        Path out = dir.resolve("content-site");
        Path content = TestSites.projectRoot().resolve("content");
        new SiteBuilder(TestSites.config(content, out), BuildListener.SILENT).build(true);
        Document feed = atom(out);
        int specs = (int) Files.walk(content).filter(p -> p.toString().endsWith(".md")).count();
        assertEquals(Math.min(50, specs), feed.select("entry").size(), "content/ is in Git: every spec has a time");
        assertTrue(feed.select("entry > id").eachText().stream().allMatch(id -> id.startsWith("tag:specsite.invalid,2026:")));
    }
}
