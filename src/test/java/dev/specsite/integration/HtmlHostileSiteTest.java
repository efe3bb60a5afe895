package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.TestSites;
import dev.specsite.diag.Diagnostic;
import dev.specsite.site.BuildListener;
import dev.specsite.site.BuildResult;
import dev.specsite.site.SiteBuilder;

/**
 * Hostile raw HTML built end to end (the files in {@code src/test/resources/hostile/html/}): a
 * spec cannot forge the link stage's placeholders, cannot make a mention's text leave its element,
 * and every part of its HTML that is removed is reported where it is written.
 */
class HtmlHostileSiteTest {

    @TempDir
    Path dir;

    private BuildResult build(String fixture) throws IOException {
        Path src = dir.resolve("src");
        TestSites.copyTree(TestSites.projectRoot().resolve("src/test/resources/hostile/html/" + fixture), src);
        return new SiteBuilder(TestSites.config(src, dir.resolve("out")), BuildListener.SILENT).build(true);
    }

    private Document page(String path) throws IOException {
        return Jsoup.parse(dir.resolve("out").resolve(path).toFile(), "UTF-8");
    }

    private static List<String> located(BuildResult r, String code) {
        return r.diagnostics().stream().filter(d -> d.code().equals(code))
                .map(d -> d.file() + ":" + d.line() + ":" + d.column() + " " + d.message()).toList();
    }

    /**
     * The zero-click attack: a target titled {@code Target {text}}, and a forged mention placeholder
     * whose text closes the title attribute and adds {@code autofocus onfocus=…}.
     */
    @Test
    void aForgedMentionCannotWriteAttributes() throws IOException {
        build("stored-xss");
        for (String path : List.of("specs/SPEC-2.html", "specs/SPEC-8.html", "SPEC-8/index.html",
                "specs/SPEC-1.html", "specs/SPEC-9.html")) {
            Document p = page(path);
            SafePages.assertSafe(p, path);
            assertTrue(p.select("[autofocus], [onfocus], [onclick], [onerror], script:not([src])").isEmpty(), path);
        }
        Element body = page("specs/SPEC-2.html").selectFirst(".spec-body");
        // the one real mention: the target's title whole in its attribute, the mention's text in the link
        Elements refs = body.select("a.ref");
        assertEquals(1, refs.size(), body.html());
        assertEquals("Target {text}", refs.get(0).attr("title"));
        assertEquals("SPEC-1", refs.get(0).text());
        assertEquals("SPEC-1.html", refs.get(0).attr("href"));
        // the forged one is only text
        assertEquals("\" autofocus onfocus=\"alert(document.domain)//", body.child(1).text());
        assertEquals("p", body.child(1).normalName());
        assertTrue(body.child(1).children().isEmpty());
        // a forged link placeholder (entity-encoded, or as text) is not filled
        assertEquals("forged and upper", body.child(3).text());
        assertTrue(body.child(3).select("a").get(0).attributes().isEmpty(), body.child(3).outerHtml());
        assertTrue(body.text().contains("text href=\"specsite:link/0\" in a paragraph"), body.text());
        assertEquals("SPEC-1.html#nowhere", body.selectFirst("a:contains(raw link)").attr("href"));
        // an attribute written as text stays text, not rewritten as a link
        assertEquals("Escaped as text: <img src=\"nothere.png\"> and <a href=\"gone2.md\">.", body.child(body.childrenSize() - 1).text());
        assertEquals("#", body.selectFirst("img").attr("src"));
        // the redirect pages of the aliases lead to the pages, nothing else
        assertEquals("0; url=SPEC-2.html", page("specs/SPEC-8.html").selectFirst("meta[http-equiv]").attr("content"));
        assertEquals("0; url=SPEC-1.html", page("specs/SPEC-9.html").selectFirst("meta[http-equiv]").attr("content"));
        assertTrue(SafePages.assertSiteSafe(dir.resolve("out")) > 10);
    }

    /** Every removal is a warning at the line and column of what was removed, front matter included. */
    @Test
    void everyRemovalIsReportedWhereItIsWritten() throws IOException {
        BuildResult r = build("stored-xss");
        assertEquals(List.of(
                "attacker.md:8:1 removed <specsite-ref> element",
                "attacker.md:10:4 removed onclick attribute",
                "attacker.md:10:49 removed onerror attribute",
                "attacker.md:12:10 removed specsite: URL from the href attribute",
                "attacker.md:12:46 removed <specsite-ref> element",
                "attacker.md:14:24 removed javascript: URL from the href attribute",
                "attacker.md:16:49 removed <script> element",
                "front.md:6:6 removed onmouseover attribute",
                "front.md:10:14 removed onclick attribute",
                "front.md:10:52 removed <iframe> element"), located(r, "unsafe-html"));
        // relative URLs of raw HTML are resolved like Markdown links, their problems reported where written
        assertEquals(List.of("attacker.md:10:36 image 'diagram.png' does not exist"), located(r, "missing-image"));
        assertEquals(List.of("attacker.md:18:55 link target 'gone.md' does not exist"), located(r, "broken-link"));
        assertEquals(List.of("attacker.md:18:10 target.md has no section 'nowhere'"), located(r, "broken-anchor"));
        for (Diagnostic d : r.diagnostics()) {
            if (d.code().equals("unsafe-html")) {
                assertEquals(dev.specsite.diag.Severity.WARNING, d.severity());
                assertFalse(d.hint().isEmpty());
            }
        }
        // every spec still has its page
        assertTrue(Files.isRegularFile(dir.resolve("out/specs/SPEC-2.html")));
        assertEquals(3, r.index().specs().size());
    }
}
