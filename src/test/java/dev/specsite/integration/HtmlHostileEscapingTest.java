package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.TestSites;
import dev.specsite.diag.Diagnostic;
import dev.specsite.site.BuildListener;
import dev.specsite.site.BuildResult;
import dev.specsite.site.SiteBuilder;

/**
 * What held before and must keep holding, built end to end (the files in
 * {@code src/test/resources/hostile/html/escaping/}, and file and folder names made here): every
 * metadata field, name, link title and alt text escaped; {@code javascript:}, {@code data:} and
 * {@code vbscript:} in every spelling, in Markdown and in raw HTML; the mutation-XSS forms.
 */
class HtmlHostileEscapingTest {

    @TempDir
    static Path dir;
    static BuildResult result;
    static Path out;

    @BeforeAll
    static void build() throws IOException {
        Path src = dir.resolve("src");
        TestSites.copyTree(TestSites.projectRoot().resolve("src/test/resources/hostile/html/escaping"), src);
        // a folder and a file whose names are markup (the title then comes from the file name)
        Path folder = Files.createDirectories(src.resolve("x\"><svg onload=alert(50)>"));
        Files.writeString(folder.resolve("<img src=x onerror=alert(51)>.md"), "Only a body, linking [urls](../urls.md).\n");
        out = dir.resolve("out");
        result = new SiteBuilder(TestSites.config(src, out), BuildListener.SILENT).build(true);
    }

    private static Document page(String path) throws IOException {
        return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
    }

    @Test
    void noPageOfTheSiteCanRunScript() throws IOException {
        assertTrue(SafePages.assertSiteSafe(out) > 10);
        // no attribute anywhere carries a payload that a browser would run or load
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".html")).toList()) {
                for (Element e : Jsoup.parse(p.toFile(), "UTF-8").getAllElements()) {
                    for (var a : e.attributes()) {
                        boolean inert = a.getKey().equals("title") || a.getKey().equals("alt")
                                || a.getKey().equals("data-broken") || a.getKey().equals("id")
                                || a.getKey().equals("content") || a.getKey().equals("aria-label") || a.getKey().equals("value")
                                || a.getKey().startsWith("data-");
                        assertFalse(!inert && a.getValue().contains("alert("), p + ": " + a + " on " + e.tagName());
                    }
                }
            }
        }
    }

    @Test
    void metadataNamesTitlesAndAltTextAreText() throws IOException {
        Document urls = page("specs/urls.html");
        assertEquals("<script>alert('title')</script>", urls.selectFirst("h1").text());
        String all = urls.text();
        for (String shown : List.of("\"><img src=x onerror=alert('owner')>", "x\" onmouseover=\"alert('tag2')",
                "<img src=x onerror=alert('reviewer')>", "\"><script>alert('supersedes')</script>")) {
            assertTrue(all.contains(shown), shown + " not shown as text in: " + all);
        }
        Element body = urls.selectFirst(".spec-body");
        assertEquals("x\" onmouseover=\"alert(16)", body.selectFirst("a:contains(p)[title]").attr("title"));
        assertEquals("q\" onerror=\"alert(17)", body.selectFirst("img[alt^=q]").attr("alt"));
        assertEquals("<script>alert(18)</script>", body.selectFirst("code").text());
        assertEquals("Other \"<b>quoted</b>\" & 'apostrophes'", page("specs/SPEC-3.html").selectFirst("h1").text());
        // the page of the file named like markup, and the site's list of specs, show the name as text
        Set<String> pages;
        try (Stream<Path> s = Files.list(out.resolve("specs"))) {
            pages = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        String named = pages.stream().filter(n -> n.contains("onerror")).findFirst().orElseThrow(() -> new AssertionError(pages));
        assertFalse(named.contains("/") || named.contains("\\"), named);
        assertTrue(page("specs/" + named).selectFirst("h1").text().contains("<img src=x onerror=alert(51)>"),
                page("specs/" + named).selectFirst("h1").text());
        assertTrue(page("status.html").text().contains("<img src=x onerror=alert(51)>"));
        assertTrue(page("problems.html").text().contains("x\"><svg onload=alert(50)>/<img src=x onerror=alert(51)>.md"));
    }

    @Test
    void scriptUrlsInEverySpellingAreRemovedAndReported() throws IOException {
        Element body = page("specs/urls.html").selectFirst(".spec-body");
        // every link of the body goes nowhere or to a page of the site or the one safe address
        for (Element a : body.select("a[href]")) {
            String href = a.attr("href");
            assertTrue(href.startsWith("#") || href.equals("https://ok.example/") || href.endsWith(".html"), a.outerHtml());
        }
        for (Element img : body.select("img[src]")) {
            assertTrue(img.attr("src").equals("#"), img.outerHtml());
        }
        List<Diagnostic> unsafeLinks = result.diagnostics().stream()
                .filter(d -> d.file().equals("urls.md") && d.code().equals("unsafe-link")).toList();
        Set<String> schemes = unsafeLinks.stream().map(Diagnostic::message).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("link with scheme 'data:' removed", "link with scheme 'javascript:' removed",
                "link with scheme 'specsite:' removed", "link with scheme 'vbscript:' removed"), schemes);
        List<String> rawRemovals = result.diagnostics().stream()
                .filter(d -> d.file().equals("urls.md") && d.code().equals("unsafe-html"))
                .map(d -> d.line() + ":" + d.column() + " " + d.message()).toList();
        for (String expected : List.of(
                "25:10 removed javascript: URL from the href attribute",
                "25:47 removed javascript: URL from the href attribute",
                "26:10 removed javascript: URL from the href attribute",
                "26:48 removed javascript: URL from the href attribute",
                "27:10 removed javascript: URL from the href attribute",
                "27:53 removed data: URL from the href attribute",
                "28:11 removed vbscript: URL from the src attribute",
                "28:42 removed javascript: URL from the href attribute",
                "29:31 removed onmouseover attribute",
                "29:79 removed onclick attribute",
                "33:1 removed <noscript> element",
                "35:1 removed <svg> element",
                "35:6 removed <style> element",
                "45:1 removed <iframe> element",
                "47:6 removed style attribute",
                "49:1 removed <base> element",
                "51:1 removed <meta> element",
                "53:1 removed <object> element",
                "53:46 removed <embed> element",
                "55:11 removed <script> element",
                "57:15 removed ontoggle attribute",
                "59:8 removed autofocus attribute",
                "59:18 removed onfocus attribute",
                "67:25 removed javascript: URL from the href attribute")) {
            assertTrue(rawRemovals.contains(expected), expected + " not in " + rawRemovals);
        }
    }
}
