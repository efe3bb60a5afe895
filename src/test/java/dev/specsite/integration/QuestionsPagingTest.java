package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.TestSites;
import dev.specsite.site.BuildListener;
import dev.specsite.site.SiteBuilder;

/** Large repositories: the open-questions index is split into pages, none of them endless. */
class QuestionsPagingTest {

    @Test
    void questionsByspecArePagedAndComplete(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        for (int i = 1; i <= 130; i++) {
            Files.writeString(src.resolve("spec-" + i + ".md"), "# SPEC-" + i + ": Spec " + i
                    + "\n\n**Status**: Draft\n\n## Open Questions\n\n- [ ] Question of spec " + i + "?\n");
        }
        Path out = dir.resolve("site");
        new SiteBuilder(TestSites.config(src, out), BuildListener.SILENT).build(true);
        Document first = Jsoup.parse(out.resolve("questions.html").toFile(), "UTF-8");
        Document second = Jsoup.parse(out.resolve("questions-2.html").toFile(), "UTF-8");
        assertEquals(100, first.select("section.question-group").size());
        assertEquals(30, second.select("section.question-group").size());
        assertNotNull(first.selectFirst(".pager a[href=questions-2.html]"));
        assertFalse(Files.exists(out.resolve("questions-3.html")));
        for (Element a : second.select("ol.questions > li > a")) {
            String[] parts = a.attr("href").split("#");
            assertNotNull(Jsoup.parse(out.resolve(parts[0]).toFile(), "UTF-8").getElementById(parts[1]), a.attr("href"));
        }
    }
}
