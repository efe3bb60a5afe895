package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.specsite.TestSites;
import dev.specsite.site.BuildListener;
import dev.specsite.site.BuildResult;
import dev.specsite.site.SiteBuilder;

/**
 * Builds two real corpora whole — the Go design documents and the filled-in template specs — and
 * checks that nothing crashes, every Markdown file gets a page, and the metadata read agrees with
 * what the documents say. Skipped when the shared corpora are absent.
 */
class GoAndTemplateCorporaTest {

    static Path corpus(String name) {
        Path corpora = TestSites.corpora();
        assumeTrue(corpora != null && Files.isDirectory(corpora.resolve(name)),
                "shared corpora not found beside the project (../shared/corpora/" + name + "): test skipped");
        return corpora.resolve(name);
    }

    static long markdownFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".md")).count();
        }
    }

    static Map<String, JsonNode> build(Path root, Path out) throws IOException {
        BuildResult result = new SiteBuilder(TestSites.config(root, out), BuildListener.SILENT).build(true);
        JsonNode api = new ObjectMapper().readTree(out.resolve("api/specs.json").toFile());
        assertEquals(markdownFiles(root), api.get("count").asLong(), "every Markdown file gets a page");
        assertEquals(api.get("count").asInt(), result.index().specs().size());
        Map<String, JsonNode> bySource = new HashMap<>();
        for (JsonNode s : api.get("specs")) {
            bySource.put(s.get("source").asText(), s);
            assertTrue(Files.isRegularFile(out.resolve(s.get("url").asText())), "page of " + s.get("source"));
        }
        return bySource;
    }

    @Test
    void goDesignDocuments(@TempDir Path out) throws IOException {
        Path root = corpus("golang-proposal");
        Map<String, JsonNode> specs = build(root, out);
        // "Author(s): …" / "Last updated: …" paragraphs under the title
        JsonNode gopls = specs.get("design/37720-gopls-workspaces.md");
        assertEquals(List.of("Heschi Kreinick", "Rebecca Stambler"), strings(gopls.get("owners")));
        // a byline: one name per line with hard breaks, then a date
        JsonNode generics = specs.get("design/43651-type-parameters.md");
        assertEquals(List.of("Ian Lance Taylor", "Robert Griesemer"), strings(generics.get("owners")));
        assertEquals("2021-08-20", generics.get("created").asText());
        // two keys run together on one line
        JsonNode scavenging = specs.get("design/30333-smarter-scavenging.md");
        assertEquals(List.of("Michael Knyszek"), strings(scavenging.get("owners")));
        assertEquals("2019-02-20", scavenging.get("updated").asText());
        assertEquals("Smarter Scavenging", scavenging.get("title").asText());
        long withOwners = specs.values().stream().filter(s -> s.get("owners").size() > 0).count();
        System.out.printf(Locale.ROOT, "golang-proposal: %d documents, %d with owners read%n", specs.size(), withOwners);
        assertTrue(withOwners >= specs.size() * 3 / 4, "owners read for only " + withOwners + " of " + specs.size());
        // every broken anchor left is dead on GitHub too: Google Docs-style "appendix_…" anchors where
        // GitHub's slug is "appendix-…", kramdown's "{#fixes}", and sections never written
        List<String> broken = new java.util.ArrayList<>();
        for (JsonNode s : specs.values()) {
            for (JsonNode d : s.get("diagnostics")) {
                if (d.get("code").asText().equals("broken-anchor")) {
                    String m = d.get("message").asText();
                    broken.add(s.get("source").asText() + "#" + m.substring(m.indexOf('\'') + 1, m.length() - 1));
                }
            }
        }
        assertEquals(List.of("design/47781-parameterized-go-ast.md#appendix_considerations-for-api-changes-to-go_ast",
                "design/59960-heap-hugepage-util.md#appendix_page-traces", "design/59960-heap-hugepage-util.md#appendix_thp-flag-behavior",
                "design/59960-heap-hugepage-util.md#appendix_thp-flag-behavior", "design/60078-loopvar.md#fixes",
                "design/60078-loopvar.md#fixes", "design/60078-loopvar.md#transition",
                "design/60773-execution-tracer-overhaul.md#batching"), broken.stream().sorted().toList());
    }

    @Test
    void filledInTemplateSpecs(@TempDir Path out) throws IOException {
        Path root = corpus("template-specs");
        Map<String, JsonNode> specs = build(root, out);
        List<String> manifest = Files.readAllLines(root.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        List<String> header = List.of(manifest.get(0).split("\t", -1));
        int statuses = 0;
        int statusAgree = 0;
        int titleAgree = 0;
        for (String line : manifest.subList(1, manifest.size())) {
            String[] c = line.split("\t", -1);
            String source = c[header.indexOf("repo")].replace('/', '+') + "/" + c[header.indexOf("path")];
            JsonNode spec = specs.get(source);
            assertTrue(spec != null, "no page for " + source);
            String title = c[header.indexOf("title")].replace("`", "");
            if (title.endsWith(spec.get("title").asText())) {
                titleAgree++;
            }
            String raw = c[header.indexOf("status_raw")];
            if (!raw.isEmpty() && !raw.contains(" | ")) {
                statuses++;
                if (spec.get("statusLabel").asText("").startsWith(raw)) {
                    statusAgree++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "template-specs: %d specs, titles %d agree, statuses %d/%d agree%n",
                specs.size(), titleAgree, statusAgree, statuses);
        assertEquals(statuses, statusAgree, "every declared status is read");
        assertTrue(titleAgree >= specs.size() - 2);

        String base = "IABTechLab+trusted-server/docs/superpowers/specs/";
        // **Status:** Draft
        assertEquals("draft", specs.get(base + "2026-03-24-ssc-prd-design.md").get("status").asText());
        // inline "**Date:** … · **Status:** …"
        JsonNode inline = specs.get(base + "2026-07-24-prebid-refresh-gam-path-opt-out-design.md");
        assertEquals("draft", inline.get("status").asText());
        // a value wrapped onto the next line
        assertEquals("implemented", specs.get(base + "2026-07-13-ssat-render-inline-creative-design.md")
                .get("status").asText());
        // blockquote "> Status: approved", in a hidden .agent/ folder
        JsonNode agent = specs.get("joelbeckham+jira-tui/.agent/specs/001-project-foundation.md");
        assertEquals("approved", agent.get("status").asText());
        assertEquals("Project Foundation", agent.get("title").asText());
        assertEquals(List.of("jbeckham"), strings(agent.get("owners")));
        // the template itself: placeholders are warnings, never values
        JsonNode template = specs.get("joelbeckham+jira-tui/.agent/specs/_TEMPLATE.md");
        assertTrue(template.get("status").isNull());
        assertTrue(template.get("diagnostics").toString().contains("placeholder"));
    }

    static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
