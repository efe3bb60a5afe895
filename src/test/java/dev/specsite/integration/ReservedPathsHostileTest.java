package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.TestSites;
import dev.specsite.cli.Main;
import dev.specsite.diag.Diagnostic;
import dev.specsite.diag.Severity;
import dev.specsite.integration.HostilePathSites.Built;
import dev.specsite.link.ReservedPaths;
import dev.specsite.site.BuildListener;
import dev.specsite.site.SiteBuilder;

/**
 * Aliases and ids that claim a path the site writes itself, leave the source, or would put two
 * pages on one path: each is a diagnostic at its line, every spec keeps its page, the build goes on.
 */
class ReservedPathsHostileTest {

    @TempDir
    Path dir;

    @Test
    void aliasesOfReservedPathsWarnAndEverySpecKeepsItsPage() throws IOException {
        Built b = HostilePathSites.build(dir, "reserved-aliases", null);
        List<Diagnostic> reserved = b.diagnostics("reserved-path");
        Map<String, String> byFile = new TreeMap<>();
        for (Diagnostic d : reserved) {
            assertEquals(Severity.WARNING, d.severity());
            assertEquals(4, d.line(), "the line of the aliases: " + d);
            byFile.put(d.file(), d.message());
        }
        assertEquals(List.of("asset.md", "home.md", "lock.md", "status.md"), List.copyOf(byFile.keySet()));
        assertTrue(byFile.get("home.md").contains("index.html"), byFile.toString());
        for (String[] spec : new String[][] {{"R-1", "Claims the home page"}, {"R-2", "Claims the status page"},
                {"R-3", "Claims the lock"}, {"R-4", "Claims a theme asset"}}) {
            Document page = b.page("specs/" + spec[0] + ".html");
            assertEquals(spec[1], page.selectFirst("main h1").text());
        }
        Document home = b.page("index.html");
        assertNotNull(home.selectFirst("section.hero"), "index.html is still the home page");
        assertNull(home.selectFirst("meta[http-equiv=refresh]"));
        assertEquals("Status", b.page("status.html").selectFirst("main h1").text());
        assertTrue(Files.isRegularFile(b.out().resolve("css/specsite.css")), "the stylesheet stays a file");
        assertFalse(Files.exists(b.out().resolve(".specsite-lock/x.html")));
        String rules = b.file("_redirects");
        for (String from : List.of("/index.html ", "/status.html ", "/.specsite-lock/", "/css/")) {
            assertFalse(rules.contains("\n" + from), rules);
        }
    }

    @Test
    void theCommandLineReportsReservedAliasesWithoutAStackTrace() throws IOException {
        Path src = HostilePathSites.write(dir, "reserved-aliases");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "build", "--source", src.toString(),
                "--output", dir.resolve("out").toString());
        String all = out + "\n" + err;
        assertEquals(0, code, all);
        assertFalse(all.contains("Exception") || all.contains("internal error") || all.contains("\tat "), all);
        assertTrue(all.contains("home.md:4:1: warning: alias index.html is a path the site uses itself"), all);
        assertTrue(all.contains("[reserved-path]"), all);
        // the strict build fails on the warnings, and still by its exit code, not by an exception
        StringWriter err2 = new StringWriter();
        int strict = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err2), "build", "--strict",
                "--source", src.toString(), "--output", dir.resolve("out").toString());
        assertEquals(1, strict, err2.toString());
    }

    @Test
    void aReservedAliasAddedLaterIsReportedByTheNextBuild() throws IOException {
        Path src = TestSites.write(dir.resolve("src"), """
                -- a.md --
                ---
                id: R-1
                title: One
                aliases: [old/one.html]
                ---
                # One
                """);
        Path out = dir.resolve("out");
        SiteBuilder builder = new SiteBuilder(TestSites.config(src, out), BuildListener.SILENT);
        assertTrue(builder.build(true).diagnostics().stream().noneMatch(d -> d.code().equals("reserved-path")));
        Files.writeString(src.resolve("a.md"), Files.readString(src.resolve("a.md"))
                .replace("[old/one.html]", "[old/one.html, index.html]"));
        for (SiteBuilder b : List.of(builder, new SiteBuilder(TestSites.config(src, out), BuildListener.SILENT))) {
            List<Diagnostic> d = b.build(true).diagnostics().stream()
                    .filter(x -> x.code().equals("reserved-path")).toList();
            assertEquals(1, d.size(), d.toString());
            assertEquals(4, d.get(0).line());
            assertTrue(HostilePathSites.isRedirectPage(new Built(src, out, null), "old/one.html"));
            assertNotNull(org.jsoup.Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8").selectFirst("section.hero"));
        }
    }

    @Test
    void aReservedIdKeepsItsLineInAnIncrementalRebuild() throws IOException {
        Path src = TestSites.write(dir.resolve("src"), """
                -- a.md --
                ---
                id: status
                title: One
                ---
                # One

                Text.
                """);
        SiteBuilder builder = new SiteBuilder(TestSites.config(src, dir.resolve("out")), BuildListener.SILENT);
        assertEquals(List.of(2), reservedLines(builder));
        Files.writeString(src.resolve("a.md"), Files.readString(src.resolve("a.md")).replace("---\nid:", "---\nowner: Ann\nid:"));
        assertEquals(List.of(3), reservedLines(builder));
        Files.writeString(src.resolve("a.md"), Files.readString(src.resolve("a.md")).replace("Text.", "More text."));
        assertEquals(List.of(3), reservedLines(builder), "the body edited: still the id's line");
    }

    private static List<Integer> reservedLines(SiteBuilder builder) throws IOException {
        return builder.build(true).diagnostics().stream().filter(d -> d.code().equals("reserved-path"))
                .map(Diagnostic::line).toList();
    }

    @Test
    void aliasesThatLeaveTheSourceOrCannotBeUsedAreReported() throws IOException {
        Built b = HostilePathSites.build(dir, "invalid-aliases", null);
        List<Diagnostic> invalid = b.diagnostics("alias-invalid");
        List<String> messages = new ArrayList<>();
        for (Diagnostic d : invalid) {
            assertEquals("out.md", d.file());
            assertEquals(4, d.line());
            assertEquals(Severity.WARNING, d.severity());
            assertFalse(d.message().chars().anyMatch(Character::isISOControl), "one printable line: " + d.message());
            messages.add(d.message());
        }
        assertEquals(7, invalid.size(), messages.toString());
        for (String alias : List.of("../../x climbs above", "old/../../../etc/passwd.html climbs above",
                "/etc/passwd.html is absolute", "C:\\Windows\\x.md is absolute", "file:///etc/passwd.md is absolute",
                "./ is empty after normalising", "'bell\\u0007.md' holds a control character")) {
            assertTrue(messages.stream().anyMatch(m -> m.contains("alias " + alias)), alias + " in " + messages);
        }
        // nothing written for them, inside or outside the output; the ordinary alias still works
        assertFalse(Files.exists(dir.resolve("etc")));
        assertFalse(Files.exists(b.out().resolve("etc")));
        assertTrue(b.files().stream().noneMatch(p -> p.contains("passwd")), b.files().toString());
        assertTrue(b.file("api/specs.json").contains("\"formerPaths\":[\"fine/old.md\"]"), b.file("api/specs.json"));
        assertEquals("Leaves the source", b.page("specs/R-1.html").selectFirst("main h1").text());
    }

    @Test
    void pagesThatWouldLandOnOnePathAreKeptApart() throws IOException {
        Built b = HostilePathSites.build(dir, "page-clashes", null);
        // ids apart, one page: the later spec (by source path) is published under a numbered id
        List<Diagnostic> pages = b.diagnostics("page-conflict");
        assertEquals(List.of("ö.md", "ü.md"), pages.stream().map(Diagnostic::file).sorted().toList());
        assertEquals("Drei", b.page("specs/spec.html").selectFirst("main h1").text());
        assertEquals("Zwei", b.page("specs/spec-2.html").selectFirst("main h1").text());
        assertEquals("Eins", b.page("specs/spec-3.html").selectFirst("main h1").text());
        // a former page below another spec's page: the page stays a file, the redirect is left out
        List<Diagnostic> conflicts = b.diagnostics("redirect-conflict");
        assertEquals(1, conflicts.size(), conflicts.toString());
        assertEquals("folder.md", conflicts.get(0).file());
        assertEquals(4, conflicts.get(0).line());
        assertEquals("Two", b.page("specs/R-2.html").selectFirst("main h1").text());
        // a declared id whose short path is a folder of the site: its own page, no short path, a warning at the id
        List<Diagnostic> reserved = b.diagnostics("reserved-path");
        assertEquals(1, reserved.size(), reserved.toString());
        assertEquals("status-id.md", reserved.get(0).file());
        assertEquals(2, reserved.get(0).line());
        assertEquals("An id named like a dashboard folder", b.page("specs/status.html").selectFirst("main h1").text());
        assertFalse(Files.exists(b.out().resolve("status/index.html")));
        assertFalse(b.file("_redirects").contains("\n/status/ "));
    }

    @Test
    void theThemesAssetsAndOtherSpecsPathsAreNotTaken() throws IOException {
        Path assets = dir.resolve("theme/assets");
        Files.createDirectories(assets.resolve("R-5"));
        Files.writeString(assets.resolve("logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Files.writeString(assets.resolve("R-5/index.html"), "<p>the theme's own page</p>");
        Built b = HostilePathSites.build(dir, "theme-and-shared", "asset.folder=" + assets + "\n");
        Map<String, List<String>> byFile = new TreeMap<>();
        for (Diagnostic d : b.result().diagnostics()) {
            if (List.of("no-status", "no-git-history", "no-dates").contains(d.code())) {
                continue;
            }
            byFile.computeIfAbsent(d.file(), k -> new ArrayList<>()).add(d.code() + "@" + d.line());
        }
        assertEquals(Map.of("a.md", List.of("reserved-path@4"), "b.md", List.of("alias-conflict@4", "alias-conflict@4"),
                "c.md", List.of("redirect-conflict@2"), "d.md", List.of("reserved-path@2")), byFile);
        assertTrue(Files.isRegularFile(b.out().resolve("logo.svg")), "the theme's file copied whole");
        assertEquals("<p>the theme's own page</p>", b.file("R-5/index.html"));
        assertTrue(b.page("old/shared.html").selectFirst("main a").attr("href").endsWith("specs/R-1.html"),
                "the first spec keeps a shared former page");
        assertTrue(b.page("R-3/index.html").selectFirst("main a").attr("href").endsWith("specs/R-2.html"));
        for (String id : List.of("R-1", "R-2", "R-3", "R-5")) {
            assertFalse(HostilePathSites.isRedirectPage(b, "specs/" + id + ".html"), id);
        }
    }

    /**
     * The reserved paths cover every file the site writes but spec pages and redirect pages: a page
     * kind added without a reserved path fails here. The bundled sample has every kind of page.
     */
    @Test
    void everyFileTheSiteWritesItselfIsReserved() throws IOException {
        Path out = dir.resolve("content-out");
        new SiteBuilder(TestSites.config(TestSites.projectRoot().resolve("content"), out), BuildListener.SILENT)
                .build(true);
        Built b = new Built(null, out, null);
        List<String> free = new ArrayList<>();
        int checked = 0;
        for (String p : b.files()) {
            if (p.startsWith("specs/") && !HostilePathSites.isRedirectPage(b, p) || HostilePathSites.isRedirectPage(b, p)) {
                continue;
            }
            checked++;
            if (ReservedPaths.BUILT_IN.claim(p) == null || ReservedPaths.BUILT_IN.claim(p + "/x.html") == null) {
                free.add(p);
            }
        }
        assertTrue(checked > 20, "dashboards, feeds, API, taxonomies, assets: " + checked);
        assertEquals(List.of(), free);
    }
}
