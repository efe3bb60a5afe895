package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.TestSites;
import dev.specsite.diag.Diagnostic;
import dev.specsite.site.BuildListener;
import dev.specsite.site.BuildResult;
import dev.specsite.site.SiteBuilder;

/** Anchors a link written for GitHub may name: the title's, the headings' (GitHub's slugs) and the author's own. */
class AnchorsSiteTest {

    @TempDir
    Path dir;

    record Built(Path out, BuildResult result) {
        Document page(String id) throws IOException {
            return Jsoup.parse(out.resolve("specs/" + id + ".html").toFile(), "UTF-8");
        }

        List<String> located(String code) {
            return result.diagnostics().stream().filter(d -> d.code().equals(code))
                    .map(d -> d.file() + ":" + d.line() + ":" + d.column() + " " + d.message()).toList();
        }

        List<Diagnostic> all(String code) {
            return result.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
        }
    }

    Built build(String site) throws IOException {
        Path src = TestSites.write(dir.resolve("src"), site);
        Path out = dir.resolve("out");
        BuildResult r = new SiteBuilder(TestSites.config(src, out), BuildListener.SILENT).build(true);
        return new Built(out, r);
    }

    @Test
    void theTitleHeadingKeepsItsSlugAsTheAnchorOfThePageTitle() throws IOException {
        Built b = build("""
                -- SPEC-1-login.md --
                # Login flow

                **Status**: Draft

                Back to [the top](#login-flow).

                ## Login flow

                See [the section](#login-flow-1).
                -- b.md --
                # SPEC-2: Other

                **Status**: Draft

                [The title](SPEC-1-login.md#login-flow), [its section](SPEC-1-login.md#login-flow-1).
                """);
        assertEquals(List.of(), b.located("broken-anchor"));
        Document a = b.page("SPEC-1");
        assertEquals("Login flow", a.selectFirst("header.spec-header h1#login-flow").text());
        assertNotNull(a.selectFirst(".spec-body h2#login-flow-1"), "GitHub numbers the section after the title");
        assertEquals("SPEC-1.html#login-flow", b.page("SPEC-2").selectFirst(".spec-body a:contains(The title)").attr("href"));
    }

    @Test
    void aTitleFromFrontMatterWithoutHeadingHasNoAnchor() throws IOException {
        Built b = build("""
                -- a.md --
                ---
                title: No heading
                id: SPEC-1
                status: Draft
                ---
                Body [to nothing](#no-heading).
                """);
        assertTrue(b.page("SPEC-1").selectFirst("header.spec-header h1").id().isEmpty());
        assertEquals(List.of("a.md:6:6 this spec has no section 'no-heading'"), b.located("broken-anchor"));
    }

    static final String AUTHORED = """
            -- a.md --
            # SPEC-1: Anchors

            **Status**: Draft

            Contents: [intro](#intro), [legacy](#legacy), [custom](#custom), [both](#both-id), [second](#both-name),
            [spaced](#my%20anchor), [the section](#background).

            <a name="intro"></a>
            Some introduction.

            <p><a id="legacy">Legacy</a> anchors.</p>

            <h2 id="custom">Custom heading</h2>

            <a id="both-id" name="both-name"></a> <a id="same" name="same"></a> <a name="my anchor"></a>

            <a name="background"></a>

            ## Background

            Text.
            -- b.md --
            # SPEC-2: Other

            **Status**: Draft

            [Intro of A](a.md#intro), [custom](a.md#custom), [missing](a.md#nowhere).
            """;

    @Test
    void anchorsTheAuthorWroteAreKeptAndLinkable() throws IOException {
        Built b = build(AUTHORED);
        assertEquals(List.of("b.md:5:50 a.md has no section 'nowhere'"), b.located("broken-anchor"));
        assertEquals(List.of(), b.located("unsafe-html"), "an author's name on <a> is no removal any more");
        Document a = b.page("SPEC-1");
        org.jsoup.nodes.Element body = a.selectFirst(".spec-body");
        assertEquals("a", body.selectFirst("#intro").tagName(), "<a name> became an id");
        assertTrue(body.select("a[name=intro]").isEmpty());
        assertEquals("Legacy", body.selectFirst("a#legacy").text());
        assertEquals("Custom heading", body.selectFirst("h2#custom").text());
        assertEquals("both-name", body.selectFirst("a#both-id").attr("name"), "with an id, the name stays a second anchor");
        assertTrue(body.selectFirst("a#same").attr("name").isEmpty(), "a name equal to the id goes");
        assertNotNull(body.selectFirst("a[id=my%20anchor]"), "white space percent-encoded");
        assertEquals("SPEC-1.html#intro", b.page("SPEC-2").selectFirst(".spec-body a:contains(Intro of A)").attr("href"));
    }

    @Test
    void anAuthorsAnchorNeverTakesOneSpecsiteGivesThePage() throws IOException {
        Built b = build(AUTHORED);
        assertEquals(List.of("a.md:17:10 the anchor 'background' is one the page already has (a heading's, the title's"
                + " or specsite's): links to #background go there"), b.located("anchor-taken"));
        Document a = b.page("SPEC-1");
        assertEquals(1, a.select("[id=background]").size());
        assertEquals("h2", a.selectFirst("#background").tagName(), "the heading keeps its anchor");
        assertEquals(1, a.select("[id=spec-1-anchors]").size(), "the title's anchor, once");
    }

    @Test
    void anAnchorGivenTwiceKeepsTheFirst() throws IOException {
        Built b = build("""
                -- a.md --
                # SPEC-1: Twice

                **Status**: Draft

                <a name="x">first</a>

                <span id="x">second</span> and <a id="top"></a> and <span id="q-1"></span>

                - [ ] An open question? TBD
                """);
        assertEquals(List.of("a.md:7:11 the anchor 'x' is given twice: this one is dropped, links go to the first"),
                b.located("duplicate-anchor"));
        assertEquals(2, b.located("anchor-taken").size(), b.located("anchor-taken").toString());
        Document a = b.page("SPEC-1");
        assertEquals("first", a.selectFirst(".spec-body #x").text());
        assertEquals(1, a.select("[id=x]").size());
        assertEquals(1, a.select("[id=top]").size(), "the page's own #top");
        assertEquals(1, a.select("[id=q-1]").size(), "the question's anchor");
    }

    @Test
    void aRebuildAfterAnAnchorIsAddedOrRetitledChecksTheLinksToItAgain() throws IOException {
        Path src = TestSites.write(dir.resolve("src"), """
                -- a.md --
                # SPEC-1: First name

                **Status**: Draft
                -- b.md --
                # SPEC-2: Linker

                **Status**: Draft

                [New anchor](a.md#new), [title](a.md#spec-1-second-name).
                """);
        SiteBuilder server = new SiteBuilder(TestSites.config(src, dir.resolve("live")), BuildListener.SILENT, false);
        assertEquals(2, server.build(true).diagnostics().stream().filter(d -> d.code().equals("broken-anchor")).count());
        java.nio.file.Files.writeString(src.resolve("a.md"), "# SPEC-1: Second name\n\n**Status**: Draft\n\n<a name=\"new\"></a>\n");
        BuildResult again = server.build(true);
        assertEquals(List.of(), again.diagnostics().stream().filter(d -> d.code().equals("broken-anchor")).toList());
        assertTrue(!again.work().tablesMade(), "the lookup tables kept");
        assertTrue(again.work().linked().contains("b.md"), "the spec whose links read A's anchors, linked again");
        assertEquals(new SiteBuilder(TestSites.config(src, dir.resolve("fresh")), BuildListener.SILENT, false).build(false)
                .index(), again.index());
    }
}
