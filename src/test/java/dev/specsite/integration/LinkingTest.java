package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.specsite.TestSites;
import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.site.BuildListener;
import dev.specsite.site.BuildResult;
import dev.specsite.site.SiteBuilder;

/** Cross-links, mentions, backlinks, relations and permalinks, on tiny inline sites. */
class LinkingTest {

    @TempDir
    Path dir;

    /** A built inline site. */
    record Built(Path out, BuildResult result, JsonNode api) {
        Document page(String path) throws IOException {
            return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
        }

        JsonNode spec(String id) {
            for (JsonNode s : api.get("specs")) {
                if (s.get("id").asText().equals(id)) {
                    return s;
                }
            }
            throw new AssertionError("no spec " + id);
        }

        List<Diagnostic> diagnostics(String code) {
            return result.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
        }

        String file(String path) throws IOException {
            return Files.readString(out.resolve(path));
        }
    }

    Built build(String site, String properties) throws IOException {
        Path src = TestSites.write(dir.resolve("src"), site);
        Path out = dir.resolve("out");
        SiteConfig config = TestSites.config(src, out, dir, properties, TestSites.projectRoot());
        BuildResult r = new SiteBuilder(config, BuildListener.SILENT).build(true);
        return new Built(out, r, new ObjectMapper().readTree(out.resolve("api/specs.json").toFile()));
    }

    static final String SPECS = """
            -- auth/password-reset.md --
            # SPEC-042: Password reset

            ## Flow

            1. **FR-1**: The system shall mail a link.
            2. **FR-3**: The link shall expire.

            Back to [the flow](#Flow), [encoded](#fl%6Fw).
            -- auth/README.md --
            # SPEC-050: Auth overview

            Text.
            -- api/spéc.md --
            # FEAT-7: Spaced name

            Text.
            -- tasks/T-12.md --
            a task, not a spec? it is a spec file too
            -- src/Main.java --
            class Main {}
            -- img/diagram.png --
            PNG
            -- web/login.md --
            # SPEC-009: Login

            **Status**: Draft

            See [reset](../auth/password-reset.md), [the flow](../auth/password-reset.md#flow),
            [by case](../Auth/Password-Reset.md), [encoded](../api/sp%C3%A9c.md), [the folder](../auth/),
            [code](../src/Main.java) and ![diagram](../img/diagram.png).

            The login builds on SPEC-042 and FEAT-7. It must meet SPEC-042#FR-3 first.

            Not in code: `SPEC-050`, nor in a [link naming SPEC-050](https://example.com/x).

                SPEC-050 in an indented code block

            Broken: [gone](../auth/pasword-reset.md) and [bad anchor](../auth/password-reset.md#flw)
            and SPEC-999 and SPEC-042#FR-99.
            """;

    @Test
    void relativeLinksResolveToPagesAnchorsAndFiles() throws IOException {
        Built b = build(SPECS, null);
        Document d = b.page("specs/SPEC-009.html");
        List<String> hrefs = d.select(".spec-body a[href]").eachAttr("href");
        assertTrue(hrefs.contains("SPEC-042.html"), hrefs.toString());
        assertTrue(hrefs.contains("SPEC-042.html#flow"), hrefs.toString());
        assertTrue(hrefs.contains("FEAT-7.html"), "percent-encoded path: " + hrefs);
        assertTrue(hrefs.contains("SPEC-050.html"), "a folder links to its README: " + hrefs);
        assertTrue(hrefs.contains("../files/src/Main.java"), "other files are copied: " + hrefs);
        assertEquals("../files/img/diagram.png", d.selectFirst(".spec-body img").attr("src"));
        assertTrue(Files.isRegularFile(b.out().resolve("files/img/diagram.png")));
        assertTrue(Files.isRegularFile(b.out().resolve("files/src/Main.java")));
        // the wrong-case link still reaches the spec, with a warning naming the right path
        assertEquals(4, hrefs.stream().filter(h -> h.equals("SPEC-042.html")).count(), "link, wrong-case link, mention, mention with a missing anchor: " + hrefs);
        Diagnostic c = b.diagnostics("link-case-mismatch").get(0);
        assertEquals("web/login.md", c.file());
        assertTrue(c.hint().contains("auth/password-reset.md"), c.hint());
    }

    @Test
    void anchorsMatchDecodedAndCaseInsensitively() throws IOException {
        Built b = build(SPECS, null);
        Document d = b.page("specs/SPEC-042.html");
        assertEquals("#flow", d.selectFirst(".spec-body a:contains(the flow)").attr("href"));
        assertEquals("#flow", d.selectFirst(".spec-body a:contains(encoded)").attr("href"));
        assertTrue(b.diagnostics("broken-anchor").stream().noneMatch(x -> x.file().equals("auth/password-reset.md")));
    }

    @Test
    void otherRepositoryFilesGoToTheRepositoryUrl() throws IOException {
        Built b = build(SPECS, "specsite.repository.url=https://github.com/acme/specs/blob/main/docs\n");
        List<String> hrefs = b.page("specs/SPEC-009.html").select(".spec-body a[href]").eachAttr("href");
        assertTrue(hrefs.contains("https://github.com/acme/specs/blob/main/docs/src/Main.java"), hrefs.toString());
        assertTrue(hrefs.contains("SPEC-042.html"), "specs stay on the site: " + hrefs);
        assertEquals("../files/img/diagram.png", b.page("specs/SPEC-009.html").selectFirst(".spec-body img").attr("src"),
                "images are copied");
    }

    @Test
    void excludedFilesGoToTheRepository() throws IOException {
        Built b = build("""
                -- specs/a.md --
                # SPEC-1: A

                Work is tracked in [T-12](../tasks/T-12.md).
                -- tasks/T-12.md --
                # T-12: A task, kept off the site
                """, "specsite.exclude=tasks/**\n"
                + "specsite.repository.url=https://github.com/acme/specs/blob/main\n");
        assertEquals("https://github.com/acme/specs/blob/main/tasks/T-12.md",
                b.page("specs/SPEC-1.html").selectFirst(".spec-body a").attr("href"));
        assertEquals(1, b.api().get("count").asInt());
        assertTrue(b.diagnostics("broken-link").isEmpty());
    }

    @Test
    void mentionsLinkOutsideCodeAndLinksOnly() throws IOException {
        Built b = build(SPECS, null);
        Document d = b.page("specs/SPEC-009.html");
        assertNotNull(d.selectFirst(".spec-body a.ref[href=SPEC-042.html]"));
        assertNotNull(d.selectFirst(".spec-body a.ref[href=FEAT-7.html]"));
        assertNotNull(d.selectFirst(".spec-body a.ref[href=SPEC-042.html#FR-3]"));
        assertTrue(d.select(".spec-body a.ref[href^=SPEC-050]").isEmpty(), "no mention in code or inside a link");
        assertTrue(d.selectFirst(".spec-body pre").text().contains("SPEC-050"));
        assertEquals("https://example.com/x", d.selectFirst(".spec-body a:contains(link naming)").attr("href"));
        assertFalse(d.select(".spec-body .ref.unknown:contains(SPEC-999)").isEmpty());
    }

    @Test
    void backlinksCarryTheSentenceAndTheRequirement() throws IOException {
        Built b = build(SPECS, null);
        Document d = b.page("specs/SPEC-042.html");
        List<String> contexts = d.select(".backlinks blockquote").eachText();
        assertTrue(contexts.stream().anyMatch(t -> t.startsWith("The login builds on SPEC-042")), contexts.toString());
        assertFalse(d.select(".backlinks .tag:contains(#FR-3)").isEmpty());
        // requirement-level backlink in the requirements table, next to FR-3 only
        Element fr3 = d.selectFirst("table.requirements tr:has(a[href=#FR-3])");
        assertEquals("SPEC-009", fr3.selectFirst(".req-refs a").text());
        assertEquals("SPEC-009.html", fr3.selectFirst(".req-refs a").attr("href"));
        assertNull(d.selectFirst("table.requirements tr:has(a[href=#FR-1]) .req-refs"));
        JsonNode rb = b.spec("SPEC-042").get("requirementBacklinks");
        assertEquals(1, rb.size());
        assertEquals("FR-3", rb.get(0).get("requirement").asText());
        assertEquals("SPEC-009", rb.get(0).get("from").get(0).asText());
        assertEquals("SPEC-009", b.spec("SPEC-042").get("links").get("from").get(0).asText());
    }

    @Test
    void brokenLinksAndAnchorsAreDiagnosedWithPositionAndSuggestion() throws IOException {
        Built b = build(SPECS, null);
        Diagnostic gone = b.diagnostics("broken-link").get(0);
        assertEquals("web/login.md", gone.file());
        assertEquals(15, gone.line());
        assertEquals(9, gone.column());
        assertEquals("did you mean auth/password-reset.md?", gone.hint());
        List<String> anchorHints = b.diagnostics("broken-anchor").stream().map(Diagnostic::hint).toList();
        assertTrue(anchorHints.contains("did you mean #flow?"), anchorHints.toString());
        assertTrue(b.diagnostics("broken-anchor").stream().anyMatch(x -> x.message().contains("FR-99")));
        Diagnostic unknown = b.diagnostics("unknown-id").get(0);
        assertEquals(16, unknown.line());
        assertTrue(unknown.message().contains("SPEC-999"));
        assertTrue(gone.format().startsWith("web/login.md:15:9: warning: "), gone.format());
        List<String> broken = new ArrayList<>();
        b.spec("SPEC-009").get("brokenLinks").forEach(n -> broken.add(n.asText()));
        assertTrue(broken.containsAll(List.of("../auth/pasword-reset.md", "../auth/password-reset.md#flw", "SPEC-999",
                "SPEC-042#FR-99")), broken.toString());
    }

    static final String NUMBERED = """
            -- text/0001-private-fields.md --
            # Private fields

            The first.
            -- text/0042-closures.md --
            # Closures

            Builds on RFC 1 and RFC #1234; see rust-lang/rfcs#1 and rfcs#1234, not other/repo#1.
            -- text/1234-async.md --
            # Async

            Extends RFC 42 and RFC-1. See [closures](https://github.com/rust-lang/rfcs/blob/master/text/0042-closures.md),
            [old place](https://github.com/rust-lang/rfcs/blob/master/active/0001-private-fields.md),
            [its PR](https://github.com/rust-lang/rfcs/pull/42), [a comment](https://github.com/rust-lang/rfcs/pull/42#c1),
            [the site](https://specs.example.org/rfcs/0042-closures.html) and
            [short](https://specs.example.org/rfcs/0001-private-fields). RFC 9999 does not exist. `RFC 42` is code.
            """;
    static final String RUST = "specsite.repository.url=https://github.com/rust-lang/rfcs/blob/master\n"
            + "site.host=https://specs.example.org/rfcs/\n";

    @Test
    void numberedSpecsResolveFromWordRepositoryAndUrls() throws IOException {
        Built b = build(NUMBERED, RUST);
        Document closures = b.page("specs/0042-closures.html");
        List<String> refs = closures.select(".spec-body a.ref").eachAttr("href");
        assertEquals(List.of("0001-private-fields.html", "1234-async.html", "0001-private-fields.html",
                "1234-async.html"), refs);
        assertTrue(closures.selectFirst(".spec-body").text().contains("not other/repo#1"));
        assertTrue(closures.select(".spec-body a:contains(other/repo)").isEmpty());

        Document async = b.page("specs/1234-async.html");
        List<String> hrefs = async.select(".spec-body a[href]").eachAttr("href");
        assertEquals(List.of("0042-closures.html", "0001-private-fields.html", "0042-closures.html",
                "0001-private-fields.html", "0042-closures.html", "https://github.com/rust-lang/rfcs/pull/42#c1",
                "0042-closures.html", "0001-private-fields.html"), hrefs);
        assertFalse(async.select(".spec-body .ref.unknown:contains(RFC 9999)").isEmpty());
        assertTrue(async.select(".spec-body code a").isEmpty());
        assertEquals(1, b.diagnostics("unknown-id").size());
        // links through URLs count as references
        List<String> from = new ArrayList<>();
        b.spec("0042-closures").get("links").get("from").forEach(n -> from.add(n.asText()));
        assertEquals(List.of("1234-async"), from);
    }

    @Test
    void numberWordsAndPatternsAreConfigurable() throws IOException {
        Built words = build(NUMBERED, RUST + "specsite.mentions.number-words=PEP\n");
        Document d = words.page("specs/0042-closures.html");
        assertEquals(List.of("0001-private-fields.html", "1234-async.html"), d.select(".spec-body a.ref").eachAttr("href"),
                "RFC is no longer a number word; the repository form still works");

        Built off = build(NUMBERED, RUST + "specsite.mentions.pattern.repo=\n"
                + "specsite.mentions.pattern.ticket=(?<![\\\\w-])TICKET/(?<num>\\\\d+)\n");
        Document o = off.page("specs/0042-closures.html");
        assertEquals(List.of("0001-private-fields.html", "1234-async.html"), o.select(".spec-body a.ref").eachAttr("href"));

        Built none = build(NUMBERED, RUST + "specsite.mentions.numbers-from-file-names=false\n");
        assertTrue(none.page("specs/0042-closures.html").select(".spec-body a.ref").isEmpty());
    }

    @Test
    void numberWordsAreLearntOnlyFromRepeatedHits() throws IOException {
        Built b = build("""
                -- 001-one.md --
                # One

                Text.
                -- 002-two.md --
                # Two

                The ID5 provider and ID 2 are no specs; DOC 1 and DOC 2 are too few to learn DOC.
                -- 003-three.md --
                # Three

                ADR 1, ADR 2 and ADR 3 are learnt; ADR 4 is then unknown.
                """, null);
        Document two = b.page("specs/002-two.html");
        assertTrue(two.select(".spec-body a.ref").isEmpty(), two.select(".spec-body a.ref").outerHtml());
        Document three = b.page("specs/003-three.html");
        assertEquals(List.of("001-one.html", "002-two.html", "003-three.html"),
                three.select(".spec-body a.ref").eachAttr("href"), "ADR 3 names the spec itself");
        assertEquals(0, b.spec("003-three").get("links").get("from").size(), "no backlink to itself");
        assertEquals(1, b.diagnostics("unknown-id").size());
        assertTrue(b.diagnostics("unknown-id").get(0).message().contains("ADR 4"));
    }

    static final String RELATED = """
            -- adr/ADR-001.md --
            # ADR-001: Old way

            **Status**: Superseded
            **Superseded by**: ADR-002
            -- adr/ADR-002.md --
            # ADR-002: New way

            **Status**: Accepted
            **Supersedes**: ADR-001
            **Depends on**: ADR-003
            **Related**: ADR-004
            -- adr/ADR-003.md --
            # ADR-003: Base

            **Status**: Accepted
            -- adr/ADR-004.md --
            # ADR-004: Neighbour

            **Status**: Accepted
            **Replaces**: ADR-003
            """;

    @Test
    void relationsShowBothSidesWarnWhenOneSidedAndBannerTheSuperseded() throws IOException {
        Built b = build(RELATED, null);
        Document old = b.page("specs/ADR-001.html");
        assertEquals("ADR-002.html", old.selectFirst(".banner.superseded a").attr("href"));
        Document base = b.page("specs/ADR-003.html");
        List<String> rel = base.select(".relations li").eachText();
        assertTrue(rel.stream().anyMatch(t -> t.startsWith("Required by ADR-002")), rel.toString());
        assertTrue(rel.stream().anyMatch(t -> t.startsWith("Superseded by ADR-004")), rel.toString());
        Document neighbour = b.page("specs/ADR-004.html");
        assertTrue(neighbour.select(".relations li").eachText().stream().anyMatch(t -> t.startsWith("Related ADR-002")));
        List<Diagnostic> oneSided = b.diagnostics("one-sided-relation");
        assertEquals(1, oneSided.size(), oneSided.toString());
        assertEquals("adr/ADR-003.md", oneSided.get(0).file());
        assertTrue(oneSided.get(0).hint().contains("superseded-by: ADR-004"), oneSided.get(0).hint());
        // the graph draws the relation on both pages
        assertFalse(base.select("svg .graph-node a, .relation-graph a[href=ADR-004.html]").isEmpty());
        assertFalse(b.page("specs/ADR-002.html").select(".relation-graph a[href=ADR-003.html]").isEmpty());
        JsonNode r = b.spec("ADR-003").get("relations");
        assertEquals(2, r.size());
        assertFalse(r.get(0).get("declared").asBoolean());
    }

    @Test
    void aSpecThatNamesItselfIsAWarningNotACrash() throws IOException {
        // found by the link fuzz test: the inverse side was added to the list being read (ConcurrentModificationException)
        Built b = build("""
                -- adr/ADR-009.md --
                # ADR-009: Self

                **Status**: Accepted
                **Supersedes**: ADR-009
                **Related**: ADR-009
                """, null);
        List<Diagnostic> self = b.diagnostics("self-relation");
        assertEquals(2, self.size(), self.toString());
        assertEquals("adr/ADR-009.md", self.get(0).file());
        assertEquals(4, self.get(0).line());
        assertEquals("Self", b.page("specs/ADR-009.html").selectFirst("main h1").text().replaceFirst("^ADR-009:?\\s*", ""));
    }

    static final String ALIASED = """
            -- specs/search.md --
            # SPEC-7: Search

            **Status**: Draft
            **Aliases**: SPEC-3, site/old-search.md
            -- specs/other.md --
            # SPEC-8: Other

            Mentions SPEC-3 and links [the old file](../site/old-search.md).
            """;

    @Test
    void aliasesShortPathsAndCanonicalsMakePermalinks() throws IOException {
        Built b = build(ALIASED, "site.host=https://specs.example.org\n");
        Document redirect = b.page("specs/SPEC-3.html");
        assertEquals("0; url=SPEC-7.html", redirect.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals("https://specs.example.org/specs/SPEC-7.html", redirect.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("SPEC-7.html", redirect.selectFirst("main a").attr("href"));
        assertTrue(redirect.select("script").isEmpty());
        assertEquals("../specs/SPEC-7.html", b.page("SPEC-7/index.html").selectFirst("main a").attr("href"));
        assertEquals("../specs/SPEC-7.html", b.page("SPEC-3/index.html").selectFirst("main a").attr("href"));
        assertEquals("SPEC-7.html", b.page("specs/old-search.html").selectFirst("main a").attr("href"),
                "the page the old file had");
        // mentions of the alias and links to the old path reach the spec
        Document other = b.page("specs/SPEC-8.html");
        assertNotNull(other.selectFirst(".spec-body a.ref[href=SPEC-7.html]:contains(SPEC-3)"));
        assertNotNull(other.selectFirst(".spec-body a[href=SPEC-7.html]:contains(the old file)"));
        // canonical on every page, absolute below the host
        assertEquals("https://specs.example.org/specs/SPEC-7.html",
                b.page("specs/SPEC-7.html").selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("https://specs.example.org/", b.page("index.html").selectFirst("link[rel=canonical]").attr("href"));
        // server rules
        String netlify = b.file("_redirects");
        assertTrue(netlify.contains("/SPEC-3 /specs/SPEC-7.html 301\n"), netlify);
        assertTrue(netlify.contains("/SPEC-7/ /specs/SPEC-7.html 301\n"), netlify);
        assertTrue(netlify.contains("/specs/SPEC-3.html /specs/SPEC-7.html 301\n"), netlify);
        String nginx = b.file("redirects.nginx.conf");
        assertTrue(nginx.contains("map $specsite_request_path $specsite_redirect {"), nginx);
        assertTrue(nginx.contains("\"/SPEC-8\" \"/specs/SPEC-8.html\";"), nginx);
        JsonNode s7 = b.spec("SPEC-7");
        assertEquals("https://specs.example.org/specs/SPEC-7.html", s7.get("permalink").asText());
        assertEquals("SPEC-7/", s7.get("shortUrl").asText());
        assertEquals("SPEC-3", s7.get("aliases").get(0).asText());
        assertEquals("site/old-search.md", s7.get("formerPaths").get(0).asText());
        Document page = b.page("specs/SPEC-7.html");
        assertEquals("../SPEC-7/index.html", page.selectFirst("a.permalink").attr("href"));
        assertEquals("https://specs.example.org/SPEC-7/", page.selectFirst("a.permalink").text());
    }

    @Test
    void withoutHostTheCanonicalIsThePageItselfAndRulesAreRootRelative() throws IOException {
        Built b = build(ALIASED, null);
        assertEquals("SPEC-7.html", b.page("specs/SPEC-7.html").selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("index.html", b.page("index.html").selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("SPEC-7.html", b.page("specs/SPEC-3.html").selectFirst("link[rel=canonical]").attr("href"));
        assertTrue(b.file("_redirects").contains("/SPEC-3/ /specs/SPEC-7.html 301\n"));
    }

    @Test
    void aliasClashesAreReported() throws IOException {
        Built b = build("""
                -- a.md --
                # SPEC-1: A

                **Aliases**: SPEC-2
                -- b.md --
                # SPEC-2: B
                """, null);
        assertEquals(1, b.diagnostics("alias-conflict").size());
        assertEquals("a.md", b.diagnostics("alias-conflict").get(0).file());
        assertTrue(b.file("specs/SPEC-2.html").contains("<h1 id=\"spec-2-b\">B</h1>"));
    }

    @Test
    void linksThroughTheSiteHostAndRepositoryBecomeRelative() throws IOException {
        Built b = build("""
                -- a/one.md --
                # SPEC-1: One

                Text.
                -- b/two.md --
                # SPEC-2: Two

                [page](https://docs.example.com/specs/specs/SPEC-1.html#top), [short](https://docs.example.com/specs/SPEC-1),
                [blob](https://gitlab.example.com/team/specs/-/blob/v2/docs/a/one.md), [elsewhere](https://gitlab.example.com/team/other/-/blob/v2/docs/a/one.md).
                """, "site.host=https://docs.example.com/specs\n"
                + "specsite.repository.url=https://gitlab.example.com/team/specs/-/blob/main/docs\n");
        List<String> hrefs = b.page("specs/SPEC-2.html").select(".spec-body a[href]").eachAttr("href");
        assertEquals(List.of("SPEC-1.html#top", "SPEC-1.html", "SPEC-1.html",
                "https://gitlab.example.com/team/other/-/blob/v2/docs/a/one.md"), hrefs);
        assertTrue(b.file("_redirects").contains("/specs/SPEC-1/ /specs/specs/SPEC-1.html 301\n"),
                "rules live below the host's path");
    }

    static final String FILE_NAME_IDS = """
            -- specs/SPEC-4273-delegated-password-reset.md --
            # Spec: Delegated Password Reset

            - **Status**: Draft
            - **Owner**: @ana

            Body.

            -- specs/FEAT-12.tech-spec.md --
            # Technical Specification: Sessions

            ## Overview

            **Author**: Bo Chen
            **Status**: Approved

            ## Requirements

            1. **FR-1**: The system shall expire sessions.

            -- adr/ADR-0007_use-postgres.md --
            ---
            title: Use Postgres
            status: approved
            ---

            We use Postgres.

            -- rfcs/RFC-0042.md --
            # Retries

            **Status**: Draft

            Text.

            -- specs/SPEC-0099-declared-elsewhere.md --
            # SPEC-100: The text's id wins

            Text.

            -- notes/CVE-2024-1234-notes.md --
            # Notes on a CVE

            Text.

            -- specs/SPEC-0001-user.md --
            # Spec: User

            Depends on SPEC-4273, FEAT-12#FR-1, ADR-0007, RFC-0042 and SPEC-100; see
            [the reset spec](SPEC-4273-delegated-password-reset.md) and [the ADR](../adr/ADR-0007_use-postgres.md).

            Tracked in PROJ-1234, JIRA-77 and CVE-2024-1234, as ABC-9 says.

            Mind SPEC-4274, then SPEC-4274 again, and once more SPEC-4274.
            """;

    @Test
    void aFileNameThatStartsWithAnIdGivesItInEachShape() throws IOException {
        Built b = build(FILE_NAME_IDS, null);
        assertEquals("Delegated Password Reset", b.spec("SPEC-4273").get("title").asText());
        assertEquals("specs/SPEC-4273-delegated-password-reset.md", b.spec("SPEC-4273").get("source").asText());
        assertEquals("Sessions", b.spec("FEAT-12").get("title").asText());
        assertEquals("Use Postgres", b.spec("ADR-0007").get("title").asText());
        assertEquals("Retries", b.spec("RFC-0042").get("title").asText());
        assertEquals("specs/SPEC-0099-declared-elsewhere.md", b.spec("SPEC-100").get("source").asText());
        // a stop word is no id prefix: the file keeps the id its name gives
        assertEquals("notes/CVE-2024-1234-notes.md", b.spec("CVE-2024-1234-notes").get("source").asText());
        Document user = b.page("specs/SPEC-0001.html");
        List<String> hrefs = user.select(".spec-body a[href]").eachAttr("href");
        assertTrue(hrefs.containsAll(List.of("SPEC-4273.html", "FEAT-12.html#FR-1", "ADR-0007.html", "RFC-0042.html",
                "SPEC-100.html")), hrefs.toString());
        assertEquals(2, hrefs.stream().filter(h -> h.equals("SPEC-4273.html")).count(), hrefs.toString());
        assertEquals(2, hrefs.stream().filter(h -> h.equals("ADR-0007.html")).count(), hrefs.toString());
        assertTrue(b.diagnostics("broken-link").isEmpty(), b.diagnostics("broken-link").toString());
        assertEquals("SPEC-0001", b.spec("SPEC-4273").get("links").get("from").get(0).asText());
    }

    @Test
    void ticketKeysArePlainTextAndAnUnknownIdIsOneWarningWithItsSuggestion() throws IOException {
        Built b = build(FILE_NAME_IDS, null);
        List<Diagnostic> unknown = b.diagnostics("unknown-id");
        assertEquals(1, unknown.size(), unknown.toString());
        Diagnostic d = unknown.get(0);
        assertEquals("specs/SPEC-0001-user.md", d.file());
        assertEquals(8, d.line());
        assertEquals(6, d.column());
        assertTrue(d.message().contains("SPEC-4274") && d.message().contains("mentioned 3 times"), d.message());
        assertEquals("did you mean SPEC-4273?", d.hint());
        Document user = b.page("specs/SPEC-0001.html");
        assertEquals(3, user.select(".spec-body .ref.unknown").size());
        String text = user.selectFirst(".spec-body").text();
        assertTrue(text.contains("Tracked in PROJ-1234, JIRA-77 and CVE-2024-1234, as ABC-9 says."), text);
        assertTrue(user.select(".spec-body :containsOwn(PROJ-1234)").stream().noneMatch(e -> e.hasClass("ref")));
    }

    @Test
    void aFileNameIdAPageCannotHoldIsNotTaken() throws IOException {
        // a configuration's id pattern that reads quotes, slashes and angle brackets from a file name
        Built b = build("""
                -- specs/AB"<x>'1-notes.md --
                # Notes

                Text.
                """, "specsite.mentions.pattern.id=(?<![\\w-])(?<id>AB[^-]{1,8}-?\\d?)(?![\\w-])\n");
        JsonNode s = b.api().get("specs").get(0);
        assertEquals("specs/AB\"<x>'1-notes.md", s.get("source").asText());
        assertTrue(s.get("id").asText().matches("[\\p{L}\\p{N}._-]+"), s.get("id").asText());
        assertTrue(Files.exists(b.out().resolve(s.get("url").asText())), s.get("url").asText());
    }
}
