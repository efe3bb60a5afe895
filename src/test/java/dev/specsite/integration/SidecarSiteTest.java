package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import dev.specsite.site.BuildListener;
import dev.specsite.site.BuildResult;
import dev.specsite.site.SiteBuilder;

/**
 * Metadata sidecar files ({@code specsite.metadata.sidecar}): a sidecar applies to the Markdown
 * files of its own folder; per field the document wins, and a disagreement is a warning.
 */
class SidecarSiteTest {

    static final String SITE = """
            -- keps/sig-apps/2214-indexed-job/README.md --
            # KEP-2214: Indexed Job

            ## Summary

            Jobs with an index.
            -- keps/sig-apps/2214-indexed-job/kep.yaml --
            title: Indexed Job
            kep-number: 2214
            authors:
              - "@alculquicondor"
            owning-sig: sig-apps
            status: implementable
            creation-date: 2020-12-29
            stage: beta
            milestone:
              alpha: "v1.21"
              beta: "v1.22"
            -- keps/sig-apps/3000-conflict/README.md --
            # KEP-3000: Conflict

            **Status**: Draft
            -- keps/sig-apps/3000-conflict/kep.yaml --
            status: implemented
            last-updated: 2021-02-03
            -- keps/sig-apps/3000-conflict/design-notes.md --
            # Design notes beside the README
            -- keps/sig-apps/3000-conflict/notes/extra.md --
            # Notes below the KEP folder
            -- docs/metadata.yaml --
            owner: Ann Lee
            team: payments
            -- docs/kep.yaml --
            owner: Someone Else
            status: rejected
            -- docs/a.md --
            # SPEC-1: A
            -- docs/b.md --
            # SPEC-2: B

            **Owner**: Bo
            -- broken/README.md --
            # SPEC-3: Broken sidecar
            -- broken/kep.yaml --
            status: [unclosed
            """;

    static SiteConfig config(Path dir, Path source, Path out, String props) throws IOException {
        Path file = dir.resolve("site-config.properties");
        Files.writeString(file, props);
        return ConfigLoader.load(file, dir, source, out);
    }

    static Map<String, JsonNode> specs(Path out) throws IOException {
        Map<String, JsonNode> bySource = new HashMap<>();
        new ObjectMapper().readTree(out.resolve("api/specs.json").toFile()).get("specs")
                .forEach(s -> bySource.put(s.get("source").asText(), s));
        return bySource;
    }

    @Test
    void sidecarsMergeIntoTheDocumentsOfTheirFolder(@TempDir Path dir) throws IOException {
        Path source = TestSites.write(dir.resolve("src"), SITE);
        Path out = dir.resolve("out");
        SiteConfig config = config(dir, source, out, "specsite.metadata.sidecar=metadata.yaml,kep.yaml\n");
        BuildResult result = new SiteBuilder(config, BuildListener.SILENT).build(true);
        Map<String, JsonNode> specs = specs(out);

        JsonNode kep = specs.get("keps/sig-apps/2214-indexed-job/README.md");
        assertEquals("KEP-2214", kep.get("id").asText());
        assertEquals("approved", kep.get("status").asText(), "'implementable' is an alias of approved");
        assertEquals("alculquicondor", kep.get("owners").get(0).asText());
        assertEquals("2020-12-29", kep.get("created").asText(), "'creation-date' matches the synonym 'creation date'");
        JsonNode extra = kep.get("extra");
        assertEquals("sig-apps", extra.get("owning-sig").asText());
        assertEquals("beta", extra.get("stage").asText(), "a second synonym of status is kept as extra metadata");
        assertEquals("alpha: v1.21, beta: v1.22", extra.get("milestone").asText());
        assertEquals("2214", extra.get("kep-number").asText());

        // the document wins, the sidecar fills what the document leaves out
        JsonNode conflict = specs.get("keps/sig-apps/3000-conflict/README.md");
        assertEquals("draft", conflict.get("status").asText());
        assertEquals("2021-02-03", conflict.get("updated").asText());
        Diagnostic warning = result.diagnostics().stream().filter(d -> d.code().equals("sidecar-conflict")
                && d.file().equals("keps/sig-apps/3000-conflict/kep.yaml")).findFirst().orElseThrow();
        assertEquals(1, warning.line());
        assertTrue(warning.message().contains("Draft"), warning.message());

        // not below its folder, and only the README when the folder has one
        assertTrue(specs.get("keps/sig-apps/3000-conflict/notes/extra.md").get("status").isNull());
        assertTrue(specs.get("keps/sig-apps/3000-conflict/design-notes.md").get("status").isNull());

        // two sidecars in one folder: the first configured name wins per field
        JsonNode a = specs.get("docs/a.md");
        assertEquals("Ann Lee", a.get("owners").get(0).asText());
        assertEquals(1, a.get("owners").size());
        assertEquals("rejected", a.get("status").asText());
        assertEquals("payments", a.get("extra").get("team").asText());
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.code().equals("sidecar-conflict")
                && d.file().equals("docs/kep.yaml") && d.message().contains("docs/metadata.yaml")));
        assertEquals("Bo", specs.get("docs/b.md").get("owners").get(0).asText());

        // a broken sidecar is an error at its own line, the page is still built
        Diagnostic broken = result.diagnostics().stream().filter(d -> d.file().equals("broken/kep.yaml"))
                .findFirst().orElseThrow();
        assertEquals("front-matter-syntax", broken.code());
        assertTrue(specs.containsKey("broken/README.md"));

        // extra metadata on the page's card
        Document page = Jsoup.parse(out.resolve(kep.get("url").asText()).toFile(), "UTF-8");
        assertTrue(page.select("dl.meta-card dt").eachText().contains("owning-sig"));
    }

    @Test
    void withoutTheSettingSidecarsAreOrdinaryFiles(@TempDir Path dir) throws IOException {
        Path source = TestSites.write(dir.resolve("src"), SITE);
        Path out = dir.resolve("out");
        new SiteBuilder(TestSites.config(source, out), BuildListener.SILENT).build(true);
        JsonNode kep = specs(out).get("keps/sig-apps/2214-indexed-job/README.md");
        assertTrue(kep.get("status").isNull());
    }

    @Test
    void aChangedSidecarIsReadAgain(@TempDir Path dir) throws IOException {
        Path source = TestSites.write(dir.resolve("src"), SITE);
        Path out = dir.resolve("out");
        SiteBuilder builder = new SiteBuilder(config(dir, source, out, "specsite.metadata.sidecar=kep.yaml\n"),
                BuildListener.SILENT);
        builder.build(true);
        Files.writeString(source.resolve("keps/sig-apps/2214-indexed-job/kep.yaml"), "status: withdrawn\n");
        builder.build(true);
        assertEquals("withdrawn", specs(out).get("keps/sig-apps/2214-indexed-job/README.md").get("status").asText());
    }

    /**
     * A folder whose only spec file is its sidecar gets a page made from the sidecar's fields, named
     * after the folder, and keeps it through rebuilds from the cache (a neighbour retitled renders it again).
     */
    @Test
    void aFolderWhoseSpecIsOnlyItsSidecarGetsAPage(@TempDir Path dir) throws IOException {
        Path source = TestSites.write(dir.resolve("src"), """
                -- keps/sig-node/4000-sidecar-only/kep.yaml --
                title: Sidecar only
                kep-number: 4000
                authors:
                  - "@ana"
                status: implementable
                creation-date: 2023-05-06
                -- keps/sig-node/4001-other/README.md --
                # KEP-4001: Other

                Builds on [the sidecar-only KEP](../4000-sidecar-only/kep.yaml).
                """);
        Path out = dir.resolve("out");
        SiteConfig config = config(dir, source, out, "specsite.metadata.sidecar=kep.yaml\n");
        BuildResult first = new SiteBuilder(config, BuildListener.SILENT).build(true);
        JsonNode kep = specs(out).get("keps/sig-node/4000-sidecar-only/kep.yaml");
        assertTrue(kep != null, "a page for the sidecar-only folder: " + specs(out).keySet());
        assertEquals("Sidecar only", kep.get("title").asText());
        assertEquals("approved", kep.get("status").asText());
        assertEquals("2023-05-06", kep.get("created").asText());
        assertEquals("4000", kep.get("extra").get("kep-number").asText());
        assertTrue(kep.get("id").asText().startsWith("4000"), kep.get("id").asText());
        Document page = Jsoup.parse(out.resolve(kep.get("url").asText()).toFile(), "UTF-8");
        assertTrue(page.select("h1").text().contains("Sidecar only"), page.select("h1").text());
        JsonNode other = specs(out).get("keps/sig-node/4001-other/README.md");
        assertEquals(List.of(kep.get("id").asText()), List.of(other.get("links").get("to").get(0).asText()),
                "a link to the sidecar reaches its spec");
        assertTrue(first.diagnostics().stream().noneMatch(d -> d.severity() == dev.specsite.diag.Severity.ERROR),
                first.diagnostics().toString());

        // a rebuild from the cache that renders its page again (the other spec retitled)
        Path readme = source.resolve("keps/sig-node/4001-other/README.md");
        Files.writeString(readme, Files.readString(readme).replace("Other", "Other, retitled"));
        BuildResult again = new SiteBuilder(config, BuildListener.SILENT).build(true);
        assertTrue(again.diagnostics().stream().noneMatch(d -> d.severity() == dev.specsite.diag.Severity.ERROR));
        assertTrue(Files.readString(out.resolve(kep.get("url").asText())).contains("Sidecar only"));
    }
}
