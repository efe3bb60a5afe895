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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.specsite.TestSites;
import dev.specsite.model.Status;
import dev.specsite.site.BuildListener;
import dev.specsite.site.SiteBuilder;

/**
 * The status as written: the pill shows the status words the author wrote in the colour of their
 * bucket, the qualifier (a version, a date, a reason) stands beside it and is {@code statusDetail} in
 * the JSON, and the status dashboard groups each status's specs by it, with links that filter to one.
 */
class StatusAsWrittenTest {

    @TempDir
    Path tmp;

    @Test
    void theQualifierIsReadFromEveryShape() {
        assertEquals("Implemented", new Status("implemented", "Implemented (Release 5.1)").written());
        assertEquals("Release 5.1", new Status("implemented", "Implemented (Release 5.1)").detail());
        assertEquals("with revisions", new Status("approved", "Accepted: with revisions").detail());
        assertEquals("Accepted", new Status("approved", "Accepted: with revisions").written());
        assertEquals("superseded by RFC 12", new Status("rejected", "Rejected - superseded by RFC 12").detail());
        assertEquals("2026-03-04", new Status("approved", "Approved (2026-03-04)").detail());
        assertNull(new Status("in-review", "In-Review").detail(), "a hyphen inside a word is no qualifier");
        assertNull(new Status("draft", "Draft").detail());
        assertNull(new Status("draft", "(Draft)").detail(), "a qualifier needs words before it");
        assertNull(Status.NONE.detail());
        assertNull(Status.NONE.written());
    }

    @Test
    void pillsJsonAndTheDashboardShowTheStatusAsWritten() throws IOException {
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        String[][] specs = {
            {"0001-a.md", "Implemented (Release 5.9)"},
            {"0002-b.md", "Implemented (Release 5.10)"},
            {"0003-c.md", "Implemented"},
            {"0004-d.md", "Accepted: with revisions"},
            {"0005-e.md", "Implemented (Release 5.9)"},
        };
        for (String[] s : specs) {
            Files.writeString(src.resolve(s[0]), "# Spec " + s[0] + "\n\n- **Status**: " + s[1] + "\n\nText.\n");
        }
        Path out = tmp.resolve("out");
        new SiteBuilder(TestSites.config(src, out), BuildListener.SILENT).build(true);

        JsonNode api = new ObjectMapper().readTree(out.resolve("api/specs.json").toFile());
        JsonNode first = api.get("specs").get(0);
        assertEquals("implemented", first.get("status").asText());
        assertEquals("Implemented (Release 5.9)", first.get("statusLabel").asText(), "the text as written");
        assertEquals("Release 5.9", first.get("statusDetail").asText());
        assertTrue(api.get("specs").get(2).get("statusDetail").isNull());

        String page4 = api.get("specs").get(3).get("url").asText();
        Document page = Jsoup.parse(out.resolve(page4).toFile(), "UTF-8");
        assertEquals("Accepted", page.selectFirst(".spec-status .pill.status-approved").text(),
                "the status as written, in the colour of its bucket");
        assertEquals("with revisions", page.selectFirst(".spec-status .status-detail").text());

        Document status = Jsoup.parse(out.resolve("status.html").toFile(), "UTF-8");
        List<String> rows = status.select("#status-implemented tbody tr").eachAttr("data-detail");
        assertEquals(List.of("release 5.10", "release 5.9", "release 5.9", ""), rows,
                "grouped by qualifier, the highest version first, those without one last");
        assertEquals(List.of("Release 5.10", "Release 5.9"), status.select("#status-implemented .status-details a").eachText());
        assertEquals("status.html?status=implemented&detail=release+5.9",
                status.select("#status-implemented .status-details a").get(1).attr("href"));
        assertEquals(List.of("1", "2"), status.select("#status-implemented .status-details .muted").eachText());
    }
}
