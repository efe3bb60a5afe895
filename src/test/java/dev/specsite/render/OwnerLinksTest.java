package dev.specsite.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

import dev.specsite.TestSites;
import dev.specsite.site.BuildListener;
import dev.specsite.site.SiteBuilder;

/**
 * Owner names link to their person's owner page wherever they appear: the spec page's header card
 * (the owner as written, the person's name as its title), the dashboards' tables (the person's
 * name), the questions by owner; the status filter's owner field is a type-ahead over the people.
 */
class OwnerLinksTest {

    @TempDir
    static Path tmp;
    static Path out;

    @BeforeAll
    static void build() throws IOException {
        Path src = TestSites.write(tmp.resolve("src"), """
                -- a.md --
                ---
                id: SPEC-1
                status: draft
                created: 2026-01-02
                owners: [sam, li.wei]
                ---
                # Alpha

                ## Open Questions

                - Who reviews this?
                -- b.md --
                # SPEC-2: Beta

                - **Owner**: @Li Wei
                - **Status**: Approved
                - **Created**: 2026-01-01
                -- people.yaml --
                - handle: sam
                  name: Sam Okafor
                  url: https://example.org/sam
                """);
        out = tmp.resolve("out");
        new SiteBuilder(TestSites.config(src, out), BuildListener.SILENT, false).build(true);
    }

    static Document page(String path) throws IOException {
        return Jsoup.parse(out.resolve(path).toFile(), "UTF-8", "");
    }

    /** Every owner link of the page as "text → target", the target resolved against the page. */
    static List<String> ownerLinks(String path, String scope) throws IOException {
        Path dir = out.resolve(path).getParent();
        return page(path).select(scope + " a.owner").stream().map(a -> {
            Path target = dir.resolve(a.attr("href")).normalize();
            assertTrue(Files.isRegularFile(target), a.outerHtml() + " on " + path);
            return a.text() + " → " + out.relativize(target).toString().replace('\\', '/');
        }).toList();
    }

    @Test
    void theSpecPageShowsOwnersAsWrittenLinkingToTheirPeople() throws IOException {
        assertEquals(List.of("sam → owners/sam.html", "li.wei → owners/li-wei.html"), ownerLinks("specs/SPEC-1.html", ".meta-card"));
        Element sam = page("specs/SPEC-1.html").selectFirst(".meta-card a.owner");
        assertEquals("Sam Okafor", sam.attr("title"), "the person's name, from the people file");
        assertEquals(List.of("Li Wei → owners/li-wei.html"), ownerLinks("specs/SPEC-2.html", ".meta-card"));
        assertTrue(page("specs/SPEC-2.html").selectFirst(".meta-card a.owner").attr("title").isEmpty(),
                "no name in a people file: no title");
    }

    @Test
    void dashboardsShowThePersonLinkingToTheirPage() throws IOException {
        List<String> both = List.of("Sam Okafor → owners/sam.html", "li.wei → owners/li-wei.html", "Li Wei → owners/li-wei.html");
        assertEquals(both, ownerLinks("status.html", "table.filterable"));
        assertEquals(both, ownerLinks("index.html", ".card-meta"));
        assertEquals(both, ownerLinks("owners/li-wei.html", "table.specs"), "both specs, co-owned one too");
        assertEquals(List.of("Sam Okafor → owners/sam.html", "li.wei → owners/li-wei.html"), ownerLinks("questions.html", ""));
        Document byOwner = page("questions-by-owner.html");
        assertEquals(List.of("owners/li-wei.html", "owners/sam.html"), byOwner.select("section.question-group h2 a").eachAttr("href"));
        assertNotNull(byOwner.getElementById("owner-li-wei"));
    }

    @Test
    void theOwnerFilterIsATypeAheadOverThePeople() throws IOException {
        Document status = page("status.html");
        Element form = status.getElementById("filter");
        assertTrue(form.select("select[name=owner]").isEmpty(), "no select of every owner");
        Element field = form.selectFirst("label > input[name=owner][list]");
        assertNotNull(field, form.outerHtml());
        Element list = status.getElementById(field.attr("list"));
        assertEquals("datalist", list.tagName());
        assertEquals(List.of("li-wei", "sam"), list.select("option").eachAttr("data-key"));
        assertEquals(List.of("Li Wei", "Sam Okafor"), list.select("option").eachAttr("value"));
        assertEquals(List.of("li.wei", "sam"), list.select("option").eachAttr("data-spellings"));
        assertEquals(List.of("2 specs", "1 spec"), list.select("option").eachText());
        assertEquals(List.of("sam|li-wei", "li-wei"), status.select("table.filterable tbody tr").eachAttr("data-owners"),
                "rows carry the people's keys, which the field's options name");
        assertEquals("get", form.attr("method"), "without script the form is a plain GET of the same page");
        assertTrue(status.select("noscript").text().contains("by owner"));
    }
}
