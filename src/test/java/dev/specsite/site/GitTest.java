package dev.specsite.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.specsite.incremental.BuildCache;
import dev.specsite.scan.GitDates;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.TestSites;
import dev.specsite.diag.Diagnostic;

/** Renames from git history become redirects and keep former paths working. */
public class GitTest {

    @TempDir
    Path dir;

    @Test
    void parsesRenamesNewestFirstIntoHeadPathsAndDates() {
        List<String> log = List.of("\u00012026-03-01", "R100\tdocs/b.md\tdocs/c.md", "M\tdocs/x.md",
                "\u00012026-02-01", "R090\tdocs/a.md\tdocs/b.md", "R100\tdocs/img.png\tdocs/img2.png",
                "\u00012026-01-01", "A\tdocs/a.md", "A\tdocs/x.md", "A\tother/y.md");
        GitDates g = GitDates.parse(log, "docs/", false);
        assertEquals(Map.of("a.md", "c.md", "b.md", "c.md"), g.renames());
        assertEquals(new GitDates.FileDates("2026-01-01", "2026-03-01"), g.files().get("c.md"));
        assertEquals(new GitDates.FileDates("2026-01-01", "2026-03-01"), g.files().get("x.md"));
        assertEquals("2026-03-01", g.headDate());
        assertFalse(g.files().containsKey("y.md"), "outside the source folder");
        assertTrue(GitDates.parse(log, "docs/", true).diagnostics().stream()
                .anyMatch(d -> d.code().equals("shallow-git-history")));
    }

    @Test
    void commitTimesAreReadInTheSamePassAndKeptInUtc() {
        // git log --format=%x01%cI: the committer's offset; the date is the committer's, the time UTC
        List<String> log = List.of("\u00012026-03-04T23:30:00-08:00", "M\tdocs/a.md",
                "\u00012026-03-01T09:00:00+02:00", "A\tdocs/a.md");
        GitDates.FileDates a = GitDates.parse(log, "docs/", false).files().get("a.md");
        assertEquals(new GitDates.FileDates("2026-03-01", "2026-03-04", "2026-03-01T07:00:00Z", "2026-03-05T07:30:00Z"), a);
        assertEquals("2026-03-04", GitDates.parse(log, "docs/", false).headDate(), "the committer's date");
        // a log of dates alone (%cs) gives no times
        assertEquals(new GitDates.FileDates("2026-01-01", "2026-01-01"),
                GitDates.parse(List.of("\u00012026-01-01", "A\tdocs/a.md"), "docs/", false).files().get("a.md"));
    }

    @Test
    void aRealHistoryGivesCommitTimes() throws Exception {
        Path repo = dir.resolve("timed");
        TestSites.write(repo, "-- a.md --\n# SPEC-1: A\n");
        git(repo, "init", "-q");
        git(repo, "add", "-A");
        gitAt("2026-03-04T23:30:00-08:00", repo, "commit", "-q", "-m", "first");
        GitDates g = GitDates.read(repo, null);
        assertEquals(new GitDates.FileDates("2026-03-04", "2026-03-04", "2026-03-05T07:30:00Z", "2026-03-05T07:30:00Z"),
                g.files().get("a.md"));
    }

    public static void git(Path repo, String... args) throws IOException, InterruptedException {
        gitAt("2026-01-01", repo, args);
    }

    /** Runs git with commits dated on this day (at midnight UTC), or at this ISO 8601 time with its offset. */
    public static void gitAt(String day, Path repo, String... args) throws IOException, InterruptedException {
        String when = day.length() > 10 ? day : day + "T00:00:00Z";
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=Test",
                "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_AUTHOR_DATE", when);
        pb.environment().put("GIT_COMMITTER_DATE", when);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + "\n" + out);
    }

    Path renamedRepo() throws IOException, InterruptedException {
        Path repo = dir.resolve("repo");
        Path docs = TestSites.write(repo.resolve("docs"), """
                -- notes/old-name.md --
                # Old name

                A spec without an id: its page follows its file name. It has enough words to be itself.
                -- b/spec.md --
                # SPEC-5: Declared

                Text.
                """);
        Files.writeString(repo.resolve("outside.md"), "# Outside\n");
        git(repo, "init", "-q");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "first");
        Files.createDirectories(docs.resolve("c"));
        git(repo, "mv", "docs/notes/old-name.md", "docs/notes/new-name.md");
        git(repo, "mv", "docs/b/spec.md", "docs/c/spec.md");
        git(repo, "commit", "-q", "-m", "rename");
        Files.writeString(docs.resolve("c/linker.md"), "# SPEC-6: Linker\n\nSee [old](../notes/old-name.md) and "
                + "[moved](../b/spec.md).\n");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "third");
        return repo;
    }

    @Test
    void renamesGiveRedirectsAndFormerPathsStillLink() throws Exception {
        Path repo = renamedRepo();
        Path out = dir.resolve("out");
        BuildResult r = new SiteBuilder(TestSites.config(repo.resolve("docs"), out), BuildListener.SILENT).build(true);
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.code().contains("git-history")), r.diagnostics().toString());
        Document redirect = Jsoup.parse(out.resolve("specs/old-name.html").toFile(), "UTF-8");
        assertEquals("new-name.html", redirect.selectFirst("main a").attr("href"));
        assertEquals("0; url=new-name.html", redirect.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertTrue(Files.readString(out.resolve("_redirects")).contains("/specs/old-name.html /specs/new-name.html 301\n"));
        Document linker = Jsoup.parse(out.resolve("specs/SPEC-6.html").toFile(), "UTF-8");
        assertEquals(List.of("new-name.html", "SPEC-5.html"), linker.select(".spec-body a").eachAttr("href"));
        String api = Files.readString(out.resolve("api/specs.json"));
        assertTrue(api.contains("\"formerPaths\":[\"b/spec.md\"]"), api);
        assertTrue(api.contains("\"aliases\":[\"old-name\"]"), api);
    }

    @Test
    void theHistoryIsReadAgainOnlyWhenItsHeadMoved() throws Exception {
        Path repo = renamedRepo();
        Path docs = repo.resolve("docs");
        GitDates first = GitDates.read(docs, null);
        assertTrue(first.available());
        assertSame(first, GitDates.read(docs, first), "same head: the last reading");
        Files.writeString(docs.resolve("c/linker.md"), "# SPEC-6: Linker, edited\n");
        assertSame(first, GitDates.read(docs, first), "an uncommitted edit is no new history");
        gitAt("2026-02-02", repo, "commit", "-q", "-am", "edit");
        GitDates after = GitDates.read(docs, first);
        assertNotSame(first, after);
        assertEquals(new GitDates.FileDates("2026-01-01", "2026-02-02", "2026-01-01T00:00:00Z", "2026-02-02T00:00:00Z"),
                after.files().get("c/linker.md"));
        assertNotSame(after, GitDates.read(docs.resolve("c"), after), "another folder, another history");
    }

    @Test
    void aCommandLineRebuildTakesTheHistoryFromItsCacheUntilTheHeadMoves() throws Exception {
        Path repo = renamedRepo();
        Path out = dir.resolve("out");
        dev.specsite.config.SiteConfig config = TestSites.config(repo.resolve("docs"), out);
        new SiteBuilder(config, BuildListener.SILENT).build(true);
        assertTrue(Files.isRegularFile(out.resolve(BuildCache.DIR).resolve(BuildCache.GIT)));
        assertTrue(Files.readString(out.resolve("status.html")).contains("2026-01-01"));
        Files.writeString(repo.resolve("docs/c/linker.md"), "# SPEC-6: Linker, edited\n");
        gitAt("2026-02-02", repo, "commit", "-q", "-am", "edit");
        new SiteBuilder(config, BuildListener.SILENT).build(true);
        assertTrue(Files.readString(out.resolve("status.html")).contains("2026-02-02"), "the new commit's date");
    }

    @Test
    void aShallowHistoryIsReadEveryTime() throws Exception {
        Path repo = renamedRepo();
        Path clone = dir.resolve("clone");
        git(dir, "clone", "-q", "--depth", "1", "file://" + repo.toAbsolutePath(), clone.toString());
        GitDates g = GitDates.read(clone.resolve("docs"), null);
        assertTrue(g.shallow());
        assertNotSame(g, GitDates.read(clone.resolve("docs"), g), "a shallow clone can deepen under the same head");
    }

    @Test
    void withoutGitTheBuildGoesOnWithAnInfo() throws IOException {
        Path src = TestSites.write(dir.resolve("plain"), "-- a.md --\n# SPEC-1: A\n");
        BuildResult r = new SiteBuilder(TestSites.config(src, dir.resolve("out")), BuildListener.SILENT).build(true);
        List<Diagnostic> infos = r.diagnostics().stream().filter(d -> d.code().equals("no-git-history")).toList();
        assertEquals(1, infos.size());
        assertEquals(dev.specsite.diag.Severity.INFO, infos.get(0).severity());
        assertTrue(Files.isRegularFile(dir.resolve("out/SPEC-1/index.html")));
    }

    @Test
    void aShallowCloneIsAWarning() throws Exception {
        Path repo = renamedRepo();
        Path clone = dir.resolve("clone");
        git(dir, "clone", "-q", "--depth", "1", "file://" + repo.toAbsolutePath(), clone.toString());
        BuildResult r = new SiteBuilder(TestSites.config(clone.resolve("docs"), dir.resolve("out")),
                BuildListener.SILENT).build(true);
        assertEquals(1, r.diagnostics().stream().filter(d -> d.code().equals("shallow-git-history")).count());
    }
}
