package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.TestSites;
import dev.specsite.site.BuildListener;
import dev.specsite.site.BuildResult;
import dev.specsite.site.SiteBuilder;

/**
 * Anchors a hostile author writes in raw HTML: values that try to leave the attribute or run
 * script, very long ones, thousands of them, repeats, and ones that claim an anchor specsite gives
 * the page. Each is made harmless or dropped, with a diagnostic.
 */
class AnchorsHostileTest {

    /** What an anchor value may hold once kept. */
    private static final Pattern SAFE = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}\\p{Nl}\\p{Pc}.:%-]+");

    @TempDir
    Path dir;

    BuildResult build(String site) throws IOException {
        Path src = TestSites.write(dir.resolve("src"), site);
        return new SiteBuilder(TestSites.config(src, dir.resolve("out")), BuildListener.SILENT).build(true);
    }

    Document page(String id) throws IOException {
        return Jsoup.parse(dir.resolve("out/specs/" + id + ".html").toFile(), "UTF-8");
    }

    List<String> located(BuildResult r, String code) {
        return r.diagnostics().stream().filter(d -> d.code().equals(code))
                .map(d -> d.file() + ":" + d.line() + ":" + d.column() + " " + d.message()).toList();
    }

    @Test
    void noAnchorValueLeavesItsAttributeOrRunsScript() throws IOException {
        BuildResult r = build("""
                -- a.md --
                # SPEC-1: Hostile anchors

                **Status**: Draft

                <a id='x" onmouseover="alert(1)' name="a' onclick='alert(2)">one</a>
                <span id="<script>alert(3)</script>">two</span>
                <a name="javascript:alert(4)" href="#javascript:alert(4)">three</a>
                <a name="&quot;&gt;&lt;img src=x onerror=alert(5)&gt;">four</a>
                <a id="`onload=alert(6)`">five</a>
                <h3 id="&#x22; autofocus onfocus=alert(7) x=&#x22;">six</h3>
                <div name="notanchor">seven</div>
                """);
        Document d = page("SPEC-1");
        String html = Files.readString(dir.resolve("out/specs/SPEC-1.html"));
        for (Element e : d.select(".spec-body *")) {
            for (Attribute a : e.attributes()) {
                assertFalse(a.getKey().startsWith("on"), "no event handler: " + e.outerHtml());
                assertFalse(a.getKey().equals("autofocus") || a.getKey().equals("src"), e.outerHtml());
                if (a.getKey().equals("id") || a.getKey().equals("name")) {
                    assertTrue(SAFE.matcher(a.getValue()).matches(), "a safe value: " + a.getValue());
                }
                if (a.getKey().equals("href")) {
                    assertFalse(a.getValue().toLowerCase().startsWith("javascript"), a.getValue());
                }
            }
        }
        assertTrue(d.select(".spec-body script, .spec-body img").isEmpty());
        assertFalse(html.contains("<script>alert") || html.contains("\" onmouseover") || html.contains("' onclick"));
        assertEquals("x%22%20onmouseover%3D%22alert%281%29", d.selectFirst("a:contains(one)").id());
        assertEquals("a%27%20onclick%3D%27alert%282%29", d.selectFirst("a:contains(one)").attr("name"));
        assertEquals("javascript:alert%284%29", d.selectFirst("a:contains(three)").id(), "an id runs nothing");
        assertEquals(List.of("a.md:11:6 removed name attribute"), located(r, "unsafe-html"), "name only on <a>");
    }

    @Test
    void aVeryLongAnchorIsDropped() throws IOException {
        String longest = "a".repeat(512);
        BuildResult r = build("-- a.md --\n# SPEC-1: Long\n\n**Status**: Draft\n\n<a id=\"" + longest + "\">kept</a>\n<a name=\""
                + "b".repeat(100_000) + "\">dropped</a>\n\n[to it](#" + longest + ")\n");
        assertEquals(List.of("a.md:6:10 removed name attribute: longer than 512 characters"), located(r, "unsafe-html"));
        assertEquals(List.of(), located(r, "broken-anchor"));
        Document d = page("SPEC-1");
        assertEquals(longest, d.selectFirst("a:contains(kept)").id());
        assertTrue(d.selectFirst("a:contains(dropped)").attributes().isEmpty());
    }

    @Test
    void thousandsOfAnchorsAndRepeatsStayUniqueAndQuick() throws IOException {
        StringBuilder sb = new StringBuilder("-- a.md --\n# SPEC-1: Many\n\n**Status**: Draft\n\n");
        for (int i = 0; i < 5_000; i++) {
            sb.append("<a name=\"n").append(i).append("\"></a>\n");
        }
        sb.append('\n');
        for (int i = 0; i < 2_000; i++) {
            sb.append("<span id=\"dup\"></span>");
        }
        sb.append("\n\n[last](#n4999) [dup](#dup)\n");
        long start = System.nanoTime();
        BuildResult r = build(sb.toString());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1_999, located(r, "duplicate-anchor").size());
        assertEquals(List.of(), located(r, "broken-anchor"));
        Document d = page("SPEC-1");
        Set<String> ids = new HashSet<>();
        for (Element e : d.select("[id]")) {
            assertTrue(ids.add(e.id()), "unique: " + e.id());
        }
        assertTrue(ids.contains("n0") && ids.contains("n4999") && ids.contains("dup"));
        assertTrue(ms < 30_000, "built in " + ms + " ms");
    }

    @Test
    void anchorsSpecsiteGivesThePageCannotBeClaimed() throws IOException {
        BuildResult r = build("""
                -- a.md --
                # SPEC-1: Claims

                **Status**: Draft

                <a id="top"></a><a id="main"></a><a name="spec-1-claims"></a><a id="scope"></a><a id="FR-1"></a>
                <a id="q-1"></a><a id="referenced-by"></a><a id="requirements-list"></a>

                ## Scope

                - **FR-1**: The system shall resist.

                ## Open questions

                - Is it enough?
                -- b.md --
                # SPEC-2: Linker

                **Status**: Draft

                See [SPEC-1](a.md#scope).
                """);
        assertEquals(8, located(r, "anchor-taken").size(), located(r, "anchor-taken").toString());
        Document d = page("SPEC-1");
        for (String id : List.of("top", "main", "spec-1-claims", "scope", "FR-1", "q-1", "referenced-by",
                "requirements-list")) {
            assertEquals(1, d.select("[id=" + id + "]").size(), "one element with id " + id);
            assertTrue(d.select(".spec-body a[id=" + id + "]").isEmpty(), "not the author's: " + id);
        }
    }

    @Test
    void theMarkerOfSpecsitesOwnIdsCannotBeForged() throws IOException {
        build("""
                -- a.md --
                # SPEC-1: Forgery

                **Status**: Draft

                <a id="specsite-000000000000000000000000-id-top">x</a> <a id="specsite:link/0">y</a>

                ## Heading
                """);
        Document d = page("SPEC-1");
        assertEquals("specsite-000000000000000000000000-id-top", d.selectFirst("a:contains(x)").id());
        assertEquals("specsite:link%2F0", d.selectFirst("a:contains(y)").id());
        assertEquals(1, d.select("[id=top]").size());
        assertEquals("heading", d.selectFirst(".spec-body h2").id());
    }
}
