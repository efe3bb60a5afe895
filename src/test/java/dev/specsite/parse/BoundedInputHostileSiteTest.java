package dev.specsite.parse;

import static dev.specsite.parse.ParseFixture.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.specsite.TestSites;
import dev.specsite.config.ConfigLoader;
import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.model.SourceFile;
import dev.specsite.site.BuildListener;
import dev.specsite.site.BuildResult;
import dev.specsite.site.SiteBuilder;

/**
 * A site that holds files too deep, too slow and too large: each still gets its page (or, too large
 * to read, its diagnostic), the build goes on, and the ordinary spec beside them is built as ever.
 */
class BoundedInputHostileSiteTest {

    static final Duration HANG_GUARD = Duration.ofSeconds(60);

    static Diagnostic only(BuildResult r, String file, String code) {
        List<Diagnostic> found = r.diagnostics().stream().filter(d -> d.file().equals(file) && d.code().equals(code)).toList();
        assertEquals(1, found.size(), r.diagnostics().toString());
        return found.get(0);
    }

    static Document page(Path out, JsonNode api, String source) throws IOException {
        for (JsonNode s : api.get("specs")) {
            if (s.get("source").asText().equals(source)) {
                return Jsoup.parse(out.resolve(s.get("url").asText()).toFile(), "UTF-8");
            }
        }
        throw new AssertionError("no page for " + source);
    }

    @Test
    void hostileFilesGetDiagnosticsAndTheBuildGoesOn(@TempDir Path dir) throws IOException {
        // slow.md: link openings, which flexmark parses in time quadratic in their number (minutes here)
        Path src = TestSites.write(dir.resolve("src"), """
                -- specs/ok.md --
                # SPEC-1: Ordinary

                **Status**: Draft

                - FR-1: stays a requirement
                -- specs/deep.md --
                # SPEC-2: Deep

                **Status**: Draft

                """ + "- ".repeat(2_000) + "x\n\nThe end of the deep spec.\n" + """
                -- specs/slow.md --
                # SPEC-3: Slow

                """ + "[a](".repeat(50_000) + "\n\nThe end of the slow spec.\n" + """
                -- specs/bomb.md --
                ---
                a: &a ["x","x","x","x","x","x","x","x","x"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                ---
                # SPEC-4: Bomb

                The end of the bomb spec.
                """);
        Files.writeString(src.resolve("specs/huge.md"), "# Huge\n\n" + "word ".repeat(4_000_000));
        Path out = dir.resolve("out");
        Path props = dir.resolve("site-config.properties");
        Files.writeString(props, "specsite.parse.budget-ms=2000\n");
        SiteConfig config = ConfigLoader.load(props, TestSites.projectRoot(), src, out);

        BuildResult r = assertTimeoutPreemptively(HANG_GUARD, () -> new SiteBuilder(config, BuildListener.SILENT).build(true));
        JsonNode api = new ObjectMapper().readTree(out.resolve("api/specs.json").toFile());

        Diagnostic deep = only(r, "specs/deep.md", "nesting-too-deep");
        assertEquals("specs/deep.md:5:201: warning: more than 100 nested block quotes or list items on one line: "
                + "the rest of the line is shown as text [nesting-too-deep]", deep.format());
        Document deepPage = page(out, api, "specs/deep.md");
        assertEquals(100, deepPage.select(".spec-body ul").size(), "nested lists up to the limit, the rest text");
        assertTrue(deepPage.select(".spec-body").text().contains("The end of the deep spec."));

        Diagnostic slow = only(r, "specs/slow.md", "parse-budget");
        assertTrue(slow.format().startsWith("specs/slow.md:1:1: error: this file took longer than 2000 ms"), slow.format());
        Document slowPage = page(out, api, "specs/slow.md");
        assertFalse(slowPage.select(".spec-body pre").isEmpty(), "the text, unformatted");
        assertTrue(slowPage.select(".spec-body pre").text().contains("The end of the slow spec."));

        assertTrue(r.diagnostics().stream().anyMatch(d -> d.file().equals("specs/bomb.md") && d.code().startsWith("front-matter")),
                r.diagnostics().toString());
        assertTrue(page(out, api, "specs/bomb.md").select(".spec-body").text().contains("The end of the bomb spec."));

        only(r, "specs/huge.md", "file-too-large");

        // the ordinary spec is built as ever: its status read, its page made, no diagnostic of the bounds
        JsonNode spec1 = null;
        for (JsonNode s : api.get("specs")) {
            spec1 = s.get("id").asText().equals("SPEC-1") ? s : spec1;
        }
        assertEquals("draft", spec1.get("status").asText());
        assertFalse(page(out, api, "specs/ok.md").select("h1").isEmpty());
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.file().equals("specs/ok.md")
                && (d.code().startsWith("parse-") || d.code().equals("nesting-too-deep"))));
    }

    @Test
    void aHundredThousandHeadingsParse() {
        StringBuilder sb = new StringBuilder("# Many\n\n");
        for (int i = 0; i < 100_000; i++) {
            sb.append("## Heading ").append(i).append("\n\n");
        }
        ParsedSpec p = assertTimeoutPreemptively(HANG_GUARD, () -> parse(sb.toString()));
        assertEquals(100_000, p.spec().sections().size());
        assertTrue(p.diagnostics().stream().noneMatch(d -> d.code().startsWith("parse-") || d.code().equals("nesting-too-deep")));
    }

    @Test
    void twentyThousandTinySpecsParseOneAfterAnother() {
        int pages = assertTimeoutPreemptively(HANG_GUARD, () -> {
            int n = 0;
            for (int i = 0; i < 20_000; i++) {
                ParsedSpec p = ParseFixture.PARSER.parse(new SourceFile("specs/s" + i + ".md", "# S" + i + "\n\nText " + i + ".\n", "h"));
                n += p.html().contains("Text " + i + ".") ? 1 : 0;
            }
            return n;
        });
        assertEquals(20_000, pages);
    }
}
