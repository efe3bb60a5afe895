package dev.specsite.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.TestSites;

/**
 * A spec's raw HTML links are resolved like Markdown links and kept in the build cache as data: a
 * command-line build that takes them back from the cache writes the bytes a fresh build writes.
 */
class RawHtmlLinksCacheTest {

    @TempDir
    Path tmp;

    @Test
    void rawHtmlLinksResolveAndSurviveTheCache() throws IOException {
        Path src = TestSites.write(tmp.resolve("src"), """
                -- specs/a.md --
                # A

                - **Id**: SPEC-1

                <p><img src="img/d.svg" alt="d"> and <a href="b.md#intro">b</a> and <a href="gone.md">x</a></p>

                Mentions SPEC-2 and [b](b.md).

                -- specs/b.md --
                # B

                - **Id**: SPEC-2

                ## Intro

                Text.

                -- specs/img/d.svg --
                <svg xmlns="http://www.w3.org/2000/svg"></svg>
                """);
        Path cli = tmp.resolve("cli");
        new SiteBuilder(TestSites.config(src, cli), BuildListener.SILENT).build(true);
        String page = Files.readString(cli.resolve("specs/SPEC-1.html"));
        assertTrue(page.contains("<img src=\"../files/specs/img/d.svg\" alt=\"d\">"), page);
        assertTrue(page.contains("<a href=\"SPEC-2.html#intro\">b</a>"), page);
        assertTrue(page.contains("href=\"#\" data-broken=\"gone.md\""), page);

        Files.writeString(src.resolve("specs/b.md"), Files.readString(src.resolve("specs/b.md")) + "\nMore.\n");
        new SiteBuilder(TestSites.config(src, cli), BuildListener.SILENT).build(true);
        Path full = tmp.resolve("full");
        new SiteBuilder(TestSites.config(src, full), BuildListener.SILENT, false).build(true);
        Map<String, byte[]> expected = SiteFiles.of(full);
        SiteFiles.assertSame(expected, SiteFiles.of(cli), "command-line build from the cache");
        assertEquals(Files.readString(full.resolve("specs/SPEC-1.html")), Files.readString(cli.resolve("specs/SPEC-1.html")));
    }
}
