package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.specsite.TestSites;
import dev.specsite.config.ConfigLoader;
import dev.specsite.diag.Diagnostic;
import dev.specsite.link.LinkedSpec;
import dev.specsite.site.BuildListener;
import dev.specsite.site.BuildResult;
import dev.specsite.site.SiteBuilder;

/**
 * The Rust RFCs ({@code ../shared/corpora/rust-rfcs}): numbered by file name, mentioned as
 * {@code RFC 1234} and {@code rust-lang/rfcs#1234}, linked through GitHub and rust-lang.github.io
 * URLs. Skipped when the corpora folder is absent.
 */
class RustRfcsTest {

    @TempDir
    static Path out;
    static Path corpus;
    static BuildResult result;
    static JsonNode api;

    @BeforeAll
    static void build() throws IOException {
        Path corpora = TestSites.corpora();
        Assumptions.assumeTrue(corpora != null && Files.isDirectory(corpora.resolve("rust-rfcs/text")),
                "skipped: ../shared/corpora/rust-rfcs is absent");
        corpus = corpora.resolve("rust-rfcs");
        Path props = out.resolveSibling(out.getFileName() + "-rfcs.properties");
        Files.writeString(props, """
                specsite.repository.url=https://github.com/rust-lang/rfcs/blob/master
                site.host=https://rust-lang.github.io/rfcs
                """);
        try {
            result = new SiteBuilder(ConfigLoader.load(props, TestSites.projectRoot(), corpus, out),
                    BuildListener.SILENT).build(true);
        } finally {
            Files.deleteIfExists(props);
        }
        api = new ObjectMapper().readTree(out.resolve("api/specs.json").toFile());
    }

    static Document page(String id) throws IOException {
        return Jsoup.parse(out.resolve("specs/" + id + ".html").toFile(), "UTF-8");
    }

    @Test
    void rfcMentionsLinkToTheRenderedRfc() throws IOException {
        Element ref = page("0195-associated-items").selectFirst(".spec-body a.ref:contains(RFC 246)");
        assertNotNull(ref, "RFC 246 is a link");
        assertEquals("0246-const-vs-static.html", ref.attr("href"));
        Element repo = page("1048-rename-soft-link-to-symlink").selectFirst(".spec-body a.ref:contains(rust-lang/rfcs#517)");
        assertNotNull(repo, "rust-lang/rfcs#517 is a link");
        assertEquals("0517-io-os-reform.html", repo.attr("href"));
        assertTrue(Files.isRegularFile(out.resolve("specs/0517-io-os-reform.html")));
    }

    @Test
    void relativeGitHubAndSiteLinksReachTheRfcPages() throws IOException {
        assertNotNull(page("0019-opt-in-builtin-traits").selectFirst(".spec-body a[href=0123-share-to-threadsafe.html]"));
        assertNotNull(page("0243-trait-based-exception-handling")
                .selectFirst(".spec-body a[href=2046-label-break-value.html]:contains(RFC 2046)"), "GitHub blob URL");
        assertNotNull(page("3037-roadmap-2021").selectFirst(".spec-body a[href=2314-roadmap-2018.html]"),
                "rust-lang.github.io URL");
        assertNotNull(page("0195-associated-items").selectFirst(".spec-body a[href=0132-ufcs.html]:contains(UFCS)"),
                "pull request URL of an RFC");
        // the other side: backlinks and the short path
        Document target = page("0246-const-vs-static");
        assertTrue(target.select(".backlinks a").eachText().contains("0195-associated-items"));
        assertTrue(Files.isRegularFile(out.resolve("0246-const-vs-static/index.html")));
    }

    @Test
    void linkedRfcsAgreeWithTheHandMadeTruth() throws IOException {
        Set<Integer> present = new HashSet<>();
        Map<Integer, Set<Integer>> ours = new HashMap<>();
        for (JsonNode s : api.get("specs")) {
            Integer n = number(s.get("id").asText());
            if (n == null) {
                continue;
            }
            present.add(n);
            Set<Integer> to = new HashSet<>();
            s.get("links").get("to").forEach(t -> {
                Integer m = number(t.asText());
                if (m != null) {
                    to.add(m);
                }
            });
            ours.merge(n, to, (a, b) -> {
                a.addAll(b);
                return a;
            });
        }
        int expected = 0;
        int found = 0;
        List<String> lines = Files.readAllLines(corpus.resolveSibling("rust-rfcs.truth.tsv"));
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int idCol = header.indexOf("id");
        int linkedCol = header.indexOf("linked_rfcs");
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split("\t", -1);
            int id = Integer.parseInt(cols[idCol]);
            for (String t : cols[linkedCol].split(",")) {
                if (t.isBlank() || !present.contains(Integer.parseInt(t.strip())) || Integer.parseInt(t.strip()) == id) {
                    continue;
                }
                expected++;
                if (ours.getOrDefault(id, Set.of()).contains(Integer.parseInt(t.strip()))) {
                    found++;
                }
            }
        }
        System.out.printf("rust-rfcs: %d of %d linked RFCs of the truth file found (the rest are unused reference"
                + " definitions and renamed files)%n", found, expected);
        assertTrue(expected > 300, "truth rows " + expected);
        assertTrue(found >= expected * 95 / 100, found + " of " + expected);
    }

    @Test
    void everyInternalHrefResolvesExceptThoseADiagnosticNames() throws IOException {
        SiteLinkWalker.Walk walk = SiteLinkWalker.walk(out, api);
        int resolved = 0;
        Set<String> edges = new HashSet<>();
        for (LinkedSpec s : result.index().specs()) {
            resolved += s.backlinks().size();
            s.backlinks().forEach(b -> edges.add(b.fromId() + ">" + s.id()));
        }
        int broken = 0;
        for (JsonNode s : api.get("specs")) {
            broken += s.get("brokenLinks").size();
        }
        Map<String, Integer> byCode = new TreeMap<>();
        for (Diagnostic d : result.diagnostics()) {
            if (List.of("broken-link", "broken-anchor", "unknown-id", "missing-image", "link-outside-source",
                    "link-case-mismatch").contains(d.code())) {
                byCode.merge(d.code(), 1, Integer::sum);
            }
        }
        System.out.printf("rust-rfcs: %d specs; %d resolved references between specs (%d distinct spec-to-spec"
                        + " links); %d links made from mentions (RFC 1234, rust-lang/rfcs#1234); %d broken links %s; %d pages walked, %d internal"
                        + " hrefs, %d pointing at anchors a diagnostic names%n", api.get("count").asInt(), resolved,
                edges.size(), walk.mentionLinks(), broken, byCode, walk.pages(), walk.internalLinks(),
                walk.named().size());
        assertEquals(List.of(), walk.missing());
        assertTrue(resolved > 700, "resolved " + resolved);
        assertTrue(walk.pages() > 2 * api.get("count").asInt(), "spec pages, short paths and dashboards: " + walk.pages());
        assertTrue(Files.isRegularFile(out.resolve("files/text/2856-project-groups/project-group-workflow.svg")),
                "raw HTML images are copied too");
    }

    private static Integer number(String id) {
        int i = 0;
        while (i < id.length() && Character.isDigit(id.charAt(i))) {
            i++;
        }
        return i == 0 || i > 9 ? null : Integer.parseInt(id.substring(0, i));
    }

}
