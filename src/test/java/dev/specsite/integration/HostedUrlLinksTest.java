package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.TestSites;
import dev.specsite.site.BuildListener;
import dev.specsite.site.BuildResult;
import dev.specsite.site.SiteBuilder;

/**
 * A spec that links to another spec of the same repository by its Git host URL (GitHub, GitLab,
 * Gitea/Forgejo, Bitbucket; blob, tree, raw, src; any branch or commit) links to its page, without
 * configuration, when the URL's path ends in the spec's source path or its file name is one spec's;
 * a shared file name stays external with an info diagnostic; with specsite.repository.url set, only
 * that repository's URLs do.
 */
class HostedUrlLinksTest {

    @TempDir
    Path tmp;

    private static final List<String> URLS = List.of(
            "https://github.com/org/repo/blob/main/proposals/design/0081-cache.md",
            "https://github.com/org/repo/tree/v1.2/proposals/design/0081-cache.md#goals",
            "https://github.com/org/repo/raw/5f2c9a1e/proposals/design/0081-cache.md",
            "https://raw.githubusercontent.com/org/repo/main/proposals/design/0081-cache.md",
            "https://gitlab.com/group/sub/repo/-/blob/main/design/0081-cache.md",
            "https://codeberg.org/org/repo/src/branch/main/design/0081-cache.md",
            "https://gitea.example.org/org/repo/src/commit/5f2c9a1e/design/0081-cache.md",
            "https://bitbucket.org/org/repo/src/main/design/0081-cache.md",
            "https://github.com/org/repo/blob/main/old-folder/0081-cache.md");

    private Path repository() throws IOException {
        Path src = tmp.resolve("src");
        Files.createDirectories(src.resolve("design"));
        Files.createDirectories(src.resolve("notes"));
        Files.createDirectories(src.resolve("more"));
        Files.writeString(src.resolve("design/0081-cache.md"), "# The cache\n\n- Status: Draft\n\n## Goals\n\nText.\n");
        Files.writeString(src.resolve("notes/faq.md"), "# FAQ one\n\nText.\n");
        Files.writeString(src.resolve("more/faq.md"), "# FAQ two\n\nText.\n");
        StringBuilder links = new StringBuilder("# Links\n\n");
        for (int i = 0; i < URLS.size(); i++) {
            links.append("- [link ").append(i).append("](").append(URLS.get(i)).append(")\n");
        }
        links.append("- [shared name](https://github.com/org/repo/blob/main/elsewhere/faq.md)\n");
        links.append("- [a readme](https://github.com/other/project/blob/main/README.md)\n");
        links.append("- [another project](https://github.com/other/project/blob/main/src/main.go)\n");
        Files.writeString(src.resolve("links.md"), links.toString());
        Files.writeString(src.resolve("README.md"), "# Read me\n\nText.\n");
        return src;
    }

    @Test
    void aGitHostUrlOfASpecLinksToItsPage() throws IOException {
        Path src = repository();
        Path out = tmp.resolve("out");
        BuildResult r = new SiteBuilder(TestSites.config(src, out), BuildListener.SILENT).build(true);
        Document page = Jsoup.parse(out.resolve("specs/links.html").toFile(), "UTF-8");
        List<String> hrefs = page.select(".spec-body li a").eachAttr("href");
        for (int i = 0; i < URLS.size(); i++) {
            assertTrue(hrefs.get(i).startsWith("0081-cache.html"), URLS.get(i) + " gave " + hrefs.get(i));
        }
        assertEquals("0081-cache.html#goals", hrefs.get(1), "the fragment is kept");
        assertEquals("https://github.com/org/repo/blob/main/elsewhere/faq.md", hrefs.get(URLS.size()),
                "a file name two specs share stays external");
        assertEquals("https://github.com/other/project/blob/main/README.md", hrefs.get(URLS.size() + 1),
                "a README matched by name alone is no spec");
        assertEquals("https://github.com/other/project/blob/main/src/main.go", hrefs.get(URLS.size() + 2));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals("ambiguous-url")
                && d.message().contains("more/faq.md, notes/faq.md")), r.diagnostics().toString());
        dev.specsite.link.LinkedSpec cache = r.index().specs().stream().filter(s -> s.id().equals("0081-cache"))
                .findFirst().orElseThrow();
        assertEquals(List.of("links"), cache.linksFrom(), "and it is a backlink");
    }

    @Test
    void aConfiguredRepositoryTakesOnlyItsOwnUrls() throws IOException {
        Path src = repository();
        Path out = tmp.resolve("configured");
        var config = TestSites.config(src, out, tmp, "specsite.repository.url=https://github.com/org/repo/blob/main/proposals\n", tmp);
        new SiteBuilder(config, BuildListener.SILENT).build(true);
        Document page = Jsoup.parse(out.resolve("specs/links.html").toFile(), "UTF-8");
        List<String> hrefs = page.select(".spec-body li a").eachAttr("href");
        assertEquals("0081-cache.html", hrefs.get(0), "the configured repository's URL");
        assertEquals(URLS.get(4), hrefs.get(4), "another repository's URL stays external");
        assertEquals(URLS.get(7), hrefs.get(7));
    }

    @Test
    void aRevisionsAnchorTheSpecLostKeepsTheRevision() throws IOException {
        Path src = tmp.resolve("pinned");
        Files.createDirectories(src.resolve("design"));
        Files.writeString(src.resolve("design/0081-cache.md"), "# The cache\n\n## Goals\n\nText.\n");
        String lost = "https://github.com/fork/repo/blob/e5266bd105f5/design/0081-cache.md#old-heading";
        String kept = "https://github.com/fork/repo/blob/e5266bd105f5/design/0081-cache.md#goals";
        String branch = "https://github.com/fork/repo/blob/main/design/0081-cache.md#old-heading";
        String ranOn = "https://github.com/org/repo/blob/main/design/0081-cache.md#goals）和";
        Files.writeString(src.resolve("links.md"), "# Links\n\n- [lost](" + lost + ")\n- [kept](" + kept + ")\n- [branch]("
                + branch + ")\n\n見 " + ranOn + " 之後。\n");
        Path out = tmp.resolve("pinned-out");
        BuildResult r = new SiteBuilder(TestSites.config(src, out), BuildListener.SILENT).build(true);
        List<String> hrefs = Jsoup.parse(out.resolve("specs/links.html").toFile(), "UTF-8").select(".spec-body a")
                .eachAttr("href");
        assertEquals(lost, hrefs.get(0), "a commit's anchor the spec no longer has: the revision, where it works");
        assertEquals("0081-cache.html#goals", hrefs.get(1), "a commit's anchor the spec still has: its page");
        assertEquals("0081-cache.html#old-heading", hrefs.get(2), "a branch names the file as it is now");
        List<String> broken = r.diagnostics().stream().filter(d -> d.code().equals("broken-anchor"))
                .map(d -> d.line() + " " + d.hint()).toList();
        assertEquals(List.of("5 link to one of the spec's section anchors",
                "7 the URL runs on into the text after it ('）和'): end it with a space or write it as [text](url) to link to #goals"),
                broken, "the branch's lost anchor is broken; the bare URL that ran on says so");
        assertTrue(Files.readString(out.resolve("api/specs.json")).contains("\"from\" : [ \"links\" ]")
                || Files.readString(out.resolve("api/specs.json")).replace(" ", "").contains("\"from\":[\"links\"]"),
                "the revision's link still counts as a reference");
    }
}
