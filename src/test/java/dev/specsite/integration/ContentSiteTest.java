package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

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

/** Builds the sample repository in content/ and checks the site as a reader and a tool would see it. */
class ContentSiteTest {

    @TempDir
    static Path out;
    static BuildResult result;
    static JsonNode api;

    @BeforeAll
    static void build() throws IOException {
        Path content = TestSites.projectRoot().resolve("content");
        result = new SiteBuilder(TestSites.config(content, out), BuildListener.SILENT).build(true);
        api = new ObjectMapper().readTree(out.resolve("api/specs.json").toFile());
    }

    static Document page(String path) throws IOException {
        return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
    }

    static long markdownFiles() throws IOException {
        try (Stream<Path> s = Files.walk(TestSites.projectRoot().resolve("content"))) {
            return s.filter(p -> p.toString().endsWith(".md")).count();
        }
    }

    /**
     * content/ writes 8 owners for 5 people: li.wei and Li Wei are joined by the automatic rules, the
     * first names sam and tobias by content/people.yaml.
     */
    @Test
    void theSampleRepositoryHasExactlyFivePeople() throws IOException {
        Set<String> written = new java.util.TreeSet<>();
        Set<String> people = new java.util.TreeSet<>();
        api.get("specs").forEach(s -> {
            s.get("owners").forEach(o -> written.add(o.asText()));
            s.get("ownerIds").forEach(o -> people.add(o.asText()));
        });
        assertEquals(Set.of("Li Wei", "li.wei", "mara", "priya", "Sam Okafor", "sam", "Tobias Brandt", "tobias"), written);
        assertEquals(Set.of("li-wei", "mara", "priya", "sam", "tobias"), people);
        assertEquals(5, api.get("people").size());
        assertEquals(5, result.index().owners().size());
        assertEquals(5, page("owners.html").select("table.terms tbody tr").size());
        List<String> pages;
        try (Stream<Path> s = Files.list(out.resolve("owners"))) {
            pages = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("li-wei.html", "mara.html", "priya.html", "sam.html", "tobias.html"), pages);
        assertEquals(List.of("sam", "Sam Okafor"), page("owners/sam.html").select(".person q").eachText());
        assertTrue(result.diagnostics().stream().noneMatch(d -> d.file().equals("people.yaml")), result.diagnostics().toString());
    }

    @Test
    void everyFixedPageExists() {
        for (String p : List.of("index.html", "status.html", "questions.html", "api/specs.json", "css/specsite.css")) {
            assertTrue(Files.isRegularFile(out.resolve(p)), p);
        }
    }

    @Test
    void oneSpecPerMarkdownFileAndEveryUrlExists() throws IOException {
        assertTrue(markdownFiles() >= 15, "the sample repository has at least 15 specs");
        assertEquals(1, api.get("schemaVersion").asInt());
        assertEquals(markdownFiles(), api.get("specs").size());
        assertEquals(api.get("specs").size(), api.get("count").asInt());
        Set<String> ids = new HashSet<>();
        for (JsonNode s : api.get("specs")) {
            assertTrue(ids.add(s.get("id").asText()), "unique id " + s.get("id"));
            assertTrue(Files.isRegularFile(out.resolve(s.get("url").asText())), s.get("url").asText());
            assertTrue(Files.isRegularFile(TestSites.projectRoot().resolve("content").resolve(s.get("source").asText())));
            for (String field : List.of("title", "statusLabel", "owners", "created", "updated", "sections",
                    "openQuestions", "acceptance", "links", "diagnostics")) {
                assertTrue(s.has(field), s.get("id") + " has " + field);
            }
        }
    }

    @Test
    void specPageShowsTitleStatusMetadataAndBody() throws IOException {
        JsonNode spec = find("SPEC-001");
        Document d = page(spec.get("url").asText());
        assertEquals("SPEC-001", d.selectFirst(".spec-id").text());
        assertEquals(spec.get("title").asText(), d.selectFirst("h1").text());
        assertEquals(1, d.select(".spec-status .pill.status-implemented").size());
        assertTrue(d.select(".meta-card dt").eachText().containsAll(List.of("Status", "Owners", "Created", "Source")));
        assertFalse(d.select(".toc a").isEmpty());
        for (Element a : d.select(".toc a")) {
            assertNotNull(d.getElementById(a.attr("href").substring(1)), a.attr("href"));
        }
        assertTrue(d.select(".spec-body li.requirement").size() >= 3);
        assertTrue(d.selectFirst(".progress").text().matches("\\d+/\\d+"));
    }

    @Test
    void questionsPageListsEveryUnresolvedQuestionWithAWorkingAnchor() throws IOException {
        Document d = page("questions.html");
        int total = 0;
        for (JsonNode s : api.get("specs")) {
            total += s.get("openQuestions").size();
        }
        assertTrue(total > 10);
        List<Element> links = d.select("ol.questions li > a");
        assertEquals(total, links.size());
        for (Element a : links) {
            String[] parts = a.attr("href").split("#");
            Document target = page(parts[0]);
            assertNotNull(target.getElementById(parts[1]), a.attr("href"));
        }
    }

    @Test
    void statusPageCountsMatchTheApi() throws IOException {
        Document d = page("status.html");
        for (Element section : d.select("section.status-section")) {
            String slug = section.id().substring("status-".length());
            long expected = 0;
            for (JsonNode s : api.get("specs")) {
                String st = s.get("status").isNull() ? (s.get("statusLabel").isNull() ? "none" : "unknown")
                        : s.get("status").asText();
                if (st.equals(slug)) {
                    expected++;
                }
            }
            assertEquals(expected, section.select("tbody tr").size(), slug);
        }
    }

    @Test
    void homeLinksToEveryDashboardAndRecentSpecs() throws IOException {
        Document d = page("index.html");
        assertFalse(d.select("a[href=status.html]").isEmpty());
        assertFalse(d.select("a[href=questions.html]").isEmpty());
        assertEquals(10, d.select(".recent .card").size());
        for (Element a : d.select(".recent a.card-title")) {
            assertTrue(Files.isRegularFile(out.resolve(a.attr("href"))), a.attr("href"));
        }
    }

    @Test
    void internalLinksResolveExceptThoseADiagnosticNames() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".html")).toList()) {
                Document d = Jsoup.parse(p.toFile(), "UTF-8");
                for (Element a : d.select("a[href], img[src], link[href]")) {
                    String href = a.hasAttr("href") ? a.attr("href") : a.attr("src");
                    if (href.startsWith("http") || href.startsWith("mailto:") || href.equals("#")) {
                        continue;
                    }
                    String[] parts = href.split("#", 2);
                    Path target = parts[0].isEmpty() ? p : p.getParent().resolve(parts[0]).normalize();
                    if (!target.startsWith(out) || !Files.isRegularFile(target)) {
                        missing.add(out.relativize(p) + " -> " + href);
                        continue;
                    }
                    if (parts.length > 1 && !parts[1].isEmpty() && target.toString().endsWith(".html")) {
                        Document t = target.equals(p) ? d : Jsoup.parse(target.toFile(), "UTF-8");
                        if (t.getElementById(parts[1]) == null) {
                            missing.add(out.relativize(p) + " -> " + href);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void sharedWalkerFindsNothingMissingAndEveryPageHasACanonical() throws IOException {
        SiteLinkWalker.Walk walk = SiteLinkWalker.walk(out, api);
        assertEquals(List.of(), walk.missing());
        assertTrue(walk.internalLinks() > 500, "internal hrefs " + walk.internalLinks());
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".html")).toList()) {
                Element c = Jsoup.parse(p.toFile(), "UTF-8").selectFirst("link[rel=canonical]");
                assertNotNull(c, "canonical on " + out.relativize(p));
                assertTrue(Files.isRegularFile(p.getParent().resolve(c.attr("href")).normalize()), c.attr("href"));
            }
        }
    }

    @Test
    void permalinksRequirementBacklinksAndTheGraph() throws IOException {
        for (JsonNode s : api.get("specs")) {
            String shortUrl = s.get("shortUrl").asText();
            Document redirect = page(shortUrl + "index.html");
            assertEquals("../" + s.get("url").asText(), redirect.selectFirst("main a").attr("href"), shortUrl);
            assertEquals(s.get("url").asText(), s.get("permalink").asText(), "no host: the page path");
        }
        assertTrue(Files.readString(out.resolve("_redirects")).contains("/SPEC-004 /specs/SPEC-004.html 301\n"));
        assertTrue(Files.isRegularFile(out.resolve("redirects.nginx.conf")));
        // cross-links.md names SPEC-004#FR-2: the requirement shows who refers to it
        JsonNode spec4 = find("SPEC-004");
        List<String> fr2 = new ArrayList<>();
        for (JsonNode rb : spec4.get("requirementBacklinks")) {
            if (rb.get("requirement").asText().equals("FR-2")) {
                rb.get("from").forEach(n -> fr2.add(n.asText()));
            }
        }
        assertTrue(fr2.contains("cross-links"), fr2.toString());
        Document d = page(spec4.get("url").asText());
        assertFalse(d.select("table.requirements tr:has(a[href=#FR-2]) .req-refs a:contains(cross-links)").isEmpty());
        // the graph: the spec in the middle, linked neighbours as links to their pages
        Document adr4 = page(find("ADR-004").get("url").asText());
        assertEquals("ADR-004", adr4.selectFirst(".relation-graph .graph-center title").text().split(":")[0]);
        assertFalse(adr4.select(".relation-graph a[href=ADR-002.html] .graph-relation").isEmpty(),
                "ADR-004 supersedes ADR-002: drawn as a relation");
        assertEquals(adr4.select(".relation-graph .graph-node").size() - 1, adr4.select(".relation-graph path.graph-edge").size());
    }

    @Test
    void malformedSpecGetsItsPageMarkedAndDiagnostics() throws IOException {
        JsonNode bad = null;
        for (JsonNode s : api.get("specs")) {
            if (s.get("source").asText().equals("core/legacy-importer.md")) {
                bad = s;
            }
        }
        assertNotNull(bad);
        List<String> codes = new ArrayList<>();
        bad.get("diagnostics").forEach(d -> codes.add(d.get("code").asText()));
        assertTrue(codes.containsAll(List.of("unknown-status", "invalid-date", "placeholder", "broken-link", "unknown-id")),
                codes.toString());
        Document d = page(bad.get("url").asText());
        assertFalse(d.select(".banner.problems li").isEmpty());
        assertFalse(d.select("a[data-broken]").isEmpty());
        assertFalse(d.select(".ref.unknown").isEmpty());
    }

    @Test
    void mentionsAndRelativeLinksBecomeLinksWithBacklinks() throws IOException {
        JsonNode adr4 = find("ADR-004");
        assertTrue(adr4.get("links").get("from").size() > 0);
        Document d = page(find("SPEC-001").get("url").asText());
        assertFalse(d.select(".spec-body a.ref[href=ADR-001.html]").isEmpty());
        Document adr = page(find("ADR-001").get("url").asText());
        assertFalse(adr.select(".backlinks li").isEmpty());
        Document sup = page(find("ADR-002").get("url").asText());
        assertNotNull(sup.selectFirst(".banner.superseded a[href=ADR-004.html]"));
    }

    @Test
    void noScriptAnywhereAndImagesCopied() throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".html")).toList()) {
                for (Element script : Jsoup.parse(p.toFile(), "UTF-8").select("script")) {
                    assertTrue(script.attr("src").matches("(\\.\\./)*js/[a-z-]+\\.js") && script.data().isEmpty(),
                            "only the theme's own script files: " + p);
                }
            }
        }
        assertTrue(Files.isRegularFile(out.resolve("files/images/pipeline.svg")));
    }

    @Test
    void rebuildIsByteIdenticalAndWritesNothing(@TempDir Path second) throws IOException {
        Path content = TestSites.projectRoot().resolve("content");
        BuildResult again = new SiteBuilder(TestSites.config(content, out), BuildListener.SILENT).build(true);
        assertEquals(0, again.written());
        new SiteBuilder(TestSites.config(content, second), BuildListener.SILENT).build(true);
        try (Stream<Path> s = Files.walk(out)) {
            // the build cache is state, not site: it records file times
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !out.relativize(p).startsWith(".specsite-cache")).toList()) {
                assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(second.resolve(out.relativize(p))),
                        out.relativize(p).toString());
            }
        }
    }

    static JsonNode find(String id) {
        return find(api, id);
    }

    static JsonNode find(JsonNode api, String id) {
        for (JsonNode s : api.get("specs")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no spec " + id);
    }
}
