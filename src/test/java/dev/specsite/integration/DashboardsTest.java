package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.specsite.TestSites;
import dev.specsite.site.BuildListener;
import dev.specsite.site.SiteBuilder;

/** Every dashboard agrees with api/specs.json, the data every page is made from. */
class DashboardsTest {

    @TempDir
    static Path out;
    static JsonNode api;

    @BeforeAll
    static void build() throws IOException {
        Path content = TestSites.projectRoot().resolve("content");
        new SiteBuilder(TestSites.config(content, out), BuildListener.SILENT).build(true);
        api = new ObjectMapper().readTree(out.resolve("api/specs.json").toFile());
    }

    static Document page(String path) throws IOException {
        return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
    }

    static String statusKey(JsonNode s) {
        return s.get("status").isNull() ? (s.get("statusLabel").isNull() ? "none" : "unknown") : s.get("status").asText();
    }

    @Test
    void statusPagesAndChartCountTheSameSpecs() throws IOException {
        Map<String, Integer> expected = new HashMap<>();
        api.get("specs").forEach(s -> expected.merge(statusKey(s), 1, Integer::sum));
        Document status = page("status.html");
        for (Element li : status.select(".chart-legend li:has(a)")) {
            String slug = li.selectFirst("a").attr("href").substring("#status-".length());
            assertEquals(expected.getOrDefault(slug, 0), Integer.parseInt(li.selectFirst(".n").text()), slug);
            Document term = page("status/" + slug + ".html");
            assertEquals(expected.getOrDefault(slug, 0).intValue(), term.select("table.specs tbody tr").size(), slug);
        }
        assertEquals(api.get("specs").size(), status.select("table.filterable tbody tr").size(),
                "every spec is in the page for the filter");
        Document home = page("index.html");
        for (Element a : home.select(".status-strip a")) {
            String slug = a.attr("href").substring("status.html#status-".length());
            assertEquals(expected.getOrDefault(slug, 0), Integer.parseInt(a.selectFirst(".n").text()), slug);
        }
    }

    @Test
    void ownerPagesCountTheirSpecs() throws IOException {
        Map<String, Integer> expected = new HashMap<>();
        api.get("specs").forEach(s -> {
            java.util.Set<String> people = new java.util.HashSet<>();
            s.get("ownerIds").forEach(o -> people.add(o.asText()));
            people.forEach(o -> expected.merge(o, 1, Integer::sum));
        });
        Document owners = page("owners.html");
        assertEquals(expected.size(), owners.select("table.terms tbody tr").size());
        assertEquals(expected.size(), api.get("people").size());
        for (Element tr : owners.select("table.terms tbody tr")) {
            String href = tr.selectFirst("a").attr("href");
            String name = href.substring("owners/".length(), href.length() - ".html".length());
            int count = Integer.parseInt(tr.selectFirst("td.num").text());
            assertEquals(expected.get(name), count, name);
            assertEquals(count, page(tr.selectFirst("a").attr("href")).select("table.specs tbody tr").size(), name);
        }
    }

    @Test
    void questionViewsAndApiAgree() throws IOException {
        int unresolved = 0;
        for (JsonNode s : api.get("specs")) {
            unresolved += s.get("openQuestions").size();
        }
        JsonNode q = new ObjectMapper().readTree(out.resolve("api/open-questions.json").toFile());
        assertEquals(unresolved, q.get("questions").size());
        assertEquals(unresolved, q.get("unresolved").asInt());
        assertEquals(unresolved, page("questions.html").select("ol.questions > li").size());
        assertEquals(unresolved, page("questions-by-age.html").select("ol.questions > li").size());
        for (JsonNode question : q.get("questions")) {
            String[] url = question.get("url").asText().split("#");
            assertNotNull(page(url[0]).getElementById(url[1]), question.get("url").asText());
        }
        assertTrue(page("questions-by-owner.html").select("ol.questions > li").size() >= unresolved,
                "a question appears once per owner of its spec");
    }

    @Test
    void requirementsIndexListsEveryRequirement() throws IOException {
        int reqs = 0;
        int done = 0;
        int total = 0;
        for (JsonNode s : api.get("specs")) {
            reqs += s.get("requirements").size();
            done += s.get("acceptance").get("done").asInt();
            total += s.get("acceptance").get("total").asInt();
        }
        Document d = page("requirements.html");
        assertEquals(reqs, d.select("details.req-spec table.requirements tr").size());
        assertTrue(d.selectFirst(".lead").text().contains(reqs + " requirements"));
        assertTrue(d.selectFirst(".lead").text().contains(done + " of " + total));
    }

    @Test
    void approvalsDashboardShowsMissingSignoffsAndContradictions() throws IOException {
        int missing = 0;
        int all = 0;
        for (JsonNode s : api.get("specs")) {
            for (JsonNode a : s.get("approvals")) {
                all++;
                if (!a.get("state").asText().equals("approved")) {
                    missing++;
                }
            }
        }
        Document d = page("approvals.html");
        assertTrue(all > 0);
        assertEquals(missing, d.select("#missing ~ .table-wrap tbody tr, section:has(#missing) tbody tr").size());
        JsonNode spec003 = ContentSiteTest.find(api, "SPEC-003");
        boolean contradiction = false;
        for (JsonNode diag : spec003.get("diagnostics")) {
            contradiction |= diag.get("code").asText().equals("approval-contradiction");
        }
        assertTrue(contradiction, "an approved spec with a pending sign-off is reported on the spec");
        assertFalse(d.select("#contradictions").isEmpty());
    }

    @Test
    void problemsPageListsEveryDiagnosticOfTheApi() throws IOException {
        int diags = 0;
        for (JsonNode s : api.get("specs")) {
            diags += s.get("diagnostics").size();
        }
        assertEquals(diags, page("problems.html").select("ul.problems > li").size());
    }

    @Test
    void timelineAndFeed() throws IOException {
        int events = 0;
        for (JsonNode s : api.get("specs")) {
            if (!s.get("created").isNull()) {
                events++;
            }
            if (!s.get("updated").isNull() && !s.get("updated").equals(s.get("created"))) {
                events++;
            }
        }
        assertEquals(events, page("timeline.html").select("ol.timeline > li").size());
        Document feed = Jsoup.parse(Files.readString(out.resolve("feed.xml")), "", Parser.xmlParser());
        // one entry per spec: content/ is in Git, so every spec has a time, declared or committed
        assertEquals(Math.min(50, api.get("count").asInt()), feed.select("entry").size());
        for (Element link : feed.select("entry > link")) {
            assertTrue(Files.isRegularFile(out.resolve(link.attr("href"))), link.attr("href"));
        }
        List<String> updated = feed.select("entry > updated").eachText();
        for (int i = 1; i < updated.size(); i++) {
            assertTrue(updated.get(i - 1).compareTo(updated.get(i)) >= 0, "newest first");
        }
    }
}
