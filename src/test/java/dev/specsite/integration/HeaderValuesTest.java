package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.specsite.TestSites;
import dev.specsite.site.BuildListener;
import dev.specsite.site.BuildResult;
import dev.specsite.site.SiteBuilder;

/**
 * Header values are inline Markdown: their links (inline, reference, autolinks), code and emphasis
 * render in the metadata card, a link to a spec goes to its page and counts as a reference (links.to,
 * a backlink whose context is the field's name), and the JSON keeps the text and adds each value's
 * links. Unsafe links and raw HTML in a value never reach the page.
 */
class HeaderValuesTest {

    @TempDir
    static Path tmp;
    static Path out;
    static JsonNode api;
    static BuildResult result;

    @BeforeAll
    static void build() throws IOException {
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("0001-a.md"), """
                # Spec A

                - Status: Draft
                - Review: ([review](https://example.org/r1)) ([acceptance](https://example.org/a1))
                - Implementation: [org/repo#1234](https://github.com/org/repo/pull/1234)
                - Builds on: [the other one](0002-b.md)
                - Notes: uses `cfg` and *emphasis*
                - Tracking: [issue][1]
                - Danger: [x](javascript:alert(1))
                - Html: <img src=x onerror=alert(1)> text
                - Plain: just words

                Body text.

                [1]: https://example.org/issues/7
                """);
        Files.writeString(src.resolve("0002-b.md"), "# Spec B\n\n- Status: Draft\n\nText of B.\n");
        out = tmp.resolve("out");
        result = new SiteBuilder(TestSites.config(src, out), BuildListener.SILENT).build(true);
        api = new ObjectMapper().readTree(out.resolve("api/specs.json").toFile());
    }

    private static JsonNode spec(String idPrefix) {
        for (JsonNode s : api.get("specs")) {
            if (s.get("id").asText().startsWith(idPrefix)) {
                return s;
            }
        }
        throw new AssertionError("no spec " + idPrefix);
    }

    private static Element value(Document page, String key) {
        for (Element dt : page.select(".meta-card dt")) {
            if (dt.text().equals(key)) {
                return dt.nextElementSibling();
            }
        }
        throw new AssertionError("no metadata " + key);
    }

    @Test
    void linksCodeAndEmphasisRenderInTheCard() throws IOException {
        Document page = Jsoup.parse(out.resolve(spec("0001").get("url").asText()).toFile(), "UTF-8");
        assertEquals(List.of("https://example.org/r1", "https://example.org/a1"),
                value(page, "Review").select("a").eachAttr("href"));
        assertEquals("(review) (acceptance)", value(page, "Review").text());
        assertEquals("https://github.com/org/repo/pull/1234", value(page, "Implementation").selectFirst("a").attr("href"));
        assertEquals("0002-b.html", value(page, "Builds on").selectFirst("a").attr("href"), "a link to a spec goes to its page");
        assertEquals("cfg", value(page, "Notes").selectFirst("code").text());
        assertEquals("emphasis", value(page, "Notes").selectFirst("em").text());
        assertEquals("https://example.org/issues/7", value(page, "Tracking").selectFirst("a").attr("href"), "a reference link");
        assertEquals("just words", value(page, "Plain").html());
    }

    @Test
    void unsafeLinksAndRawHtmlNeverReachThePage() throws IOException {
        Document page = Jsoup.parse(out.resolve(spec("0001").get("url").asText()).toFile(), "UTF-8");
        Element danger = value(page, "Danger");
        assertTrue(danger.select("a[href^=javascript]").isEmpty(), danger.outerHtml());
        Element html = value(page, "Html");
        assertTrue(html.select("img").isEmpty(), "raw HTML in a value is text: " + html.outerHtml());
        assertTrue(page.select("[onerror]").isEmpty());
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.code().equals("unsafe-link") && d.line() == 9),
                "the unsafe link is reported at its line: " + result.diagnostics());
    }

    @Test
    void aHeaderLinkToASpecIsAReference() {
        JsonNode a = spec("0001");
        JsonNode b = spec("0002");
        assertEquals(b.get("id").asText(), a.get("links").get("to").get(0).asText(), "links.to");
        assertEquals(a.get("id").asText(), b.get("links").get("from").get(0).asText(), "links.from");
        dev.specsite.link.LinkedSpec linkedB = result.index().specs().stream()
                .filter(s -> s.id().equals(b.get("id").asText())).findFirst().orElseThrow();
        assertEquals(List.of("Builds on"), linkedB.backlinks().stream().map(x -> x.context()).toList(),
                "the backlink's context is the field's name");
    }

    @Test
    void theJsonKeepsTheTextAndAddsTheLinks() {
        JsonNode a = spec("0001");
        assertEquals("(review) (acceptance)", a.get("extra").get("Review").asText());
        JsonNode review = a.get("metadataLinks").get("Review");
        assertEquals(2, review.size());
        assertEquals("review", review.get(0).get("text").asText());
        assertEquals("https://example.org/r1", review.get(0).get("target").asText());
        assertTrue(review.get(0).get("spec").isNull());
        JsonNode builds = a.get("metadataLinks").get("Builds on").get(0);
        assertEquals("0002-b.md", builds.get("target").asText());
        assertEquals(spec("0002").get("id").asText(), builds.get("spec").asText());
        assertNull(a.get("metadataLinks").get("Plain"));
    }
}
