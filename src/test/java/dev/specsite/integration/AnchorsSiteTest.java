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
}
