package dev.specsite.parse;

import static dev.specsite.parse.ParseFixture.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.specsite.diag.Diagnostic;
import dev.specsite.model.OpenQuestion;
import dev.specsite.model.Section;
import dev.specsite.model.Spec;

class SpecParserTest {

    static List<String> codes(ParsedSpec p) {
        return p.diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void specXxxShapeFilledIn() {
        ParsedSpec p = parse("""
                # SPEC-042: Password Reset

                **Status**: In Review
                **Created**: 2026-01-05
                **Updated**: 2026/05/18
                **Author**: @lee

                ## Overview

                Users forget passwords.

                ## Requirements

                ### Functional Requirements

                1. **FR-1**: The system shall send a reset link.
                2. **FR-2**: The system shall expire links after 1 hour.

                ### Non-Functional Requirements

                1. **NFR-1**: Links are delivered within 30 s.

                ### Acceptance Criteria

                - [x] Link sent
                - [ ] Link expires
                - [ ] Audit log entry

                ## Open Questions

                - [ ] Should links be single use?
                - [x] Do we support SMS? No.
                """);
        Spec s = p.spec();
        assertEquals("SPEC-042", s.id());
        assertFalse(s.idDerived());
        assertEquals("Password Reset", s.title());
        assertEquals("in-review", s.status().slug());
        assertEquals("In Review", s.status().label());
        assertEquals("2026-01-05", s.created());
        assertEquals("2026-05-18", s.updated());
        assertEquals(List.of("lee"), s.owners());
        assertEquals(List.of("FR-1", "FR-2", "NFR-1"), s.requirements().stream().map(r -> r.id()).toList());
        assertEquals("The system shall send a reset link.", s.requirements().get(0).text());
        assertEquals(1, s.acceptanceDone());
        assertEquals(3, s.acceptanceTotal());
        assertEquals(2, s.questions().size());
        assertEquals(1, s.unresolvedQuestions().size());
        assertEquals("Should links be single use?", s.unresolvedQuestions().get(0).text());
        assertEquals(List.of(), p.diagnostics().stream().filter(d -> d.severity() != dev.specsite.diag.Severity.INFO).toList());

        Document html = Jsoup.parseBodyFragment(p.html());
        assertTrue(html.select("h1").isEmpty(), "the title is shown by the page, not the body");
        assertEquals("FR-1", html.selectFirst("li.requirement").id());
        OpenQuestion q = s.unresolvedQuestions().get(0);
        assertEquals(1, html.select("#" + q.anchor() + ".open-question").size());
        assertTrue(html.text().contains("Users forget passwords."));
        assertFalse(html.text().contains("In Review"), "consumed metadata lines are not repeated in the body");
    }

    @Test
    void featureSpecShapeWithBulletsAndNumberedSections() {
        ParsedSpec p = parse("auth/password-reset.md", """
                # Spec: Password reset by e-mail

                - **Status**: Draft
                - **Date**: 2026-02-11
                - **Owner**: @tobias
                - **Related Task**: `tasks/T-31.md`

                ---

                ## 1. Background

                *   **Problem**: People forget.

                ## 6. Risks and Unknowns

                *   Delivery rate is TBD in some regions.
                """);
        Spec s = p.spec();
        assertEquals("password-reset", s.id());
        assertTrue(s.idDerived());
        assertEquals("Password reset by e-mail", s.title());
        assertEquals("draft", s.status().slug());
        assertEquals("2026-02-11", s.created());
        assertEquals(List.of("tobias"), s.owners());
        Section risks = s.sections().get(1);
        assertEquals("Risks and Unknowns", risks.title());
        assertEquals("6.", risks.number());
        assertEquals("6-risks-and-unknowns", risks.anchor());
        assertTrue(s.metadata().stream().anyMatch(m -> m.key().equals("Related Task") && m.field() == null
                && m.value().equals("tasks/T-31.md")), "unknown keys are kept as extra metadata");
        assertEquals(1, s.questions().size(), "TBD counts as an open question");
        assertEquals("tbd", s.questions().get(0).kind());
        assertFalse(Jsoup.parseBodyFragment(p.html()).select("hr").size() > 0, "the rule after the metadata goes with it");
    }

    @Test
    void technicalSpecShapeWithOverviewAndApprovals() {
        ParsedSpec p = parse("""
                # Technical Specification: Edge cache

                ## Overview

                **Feature ID**: FEAT-7  
                **Author**: Ana Ruiz, Staff Engineer  
                **Created Date**: 2026-03-01  
                **Last Updated**: 2026-04-02  
                **Status**: Approved

                ## Introduction

                Text.

                ## Open Questions

                - Which TTL?
                - [Question 2]

                ## Approval

                **Engineering Lead**: Ana Ruiz - Approved  
                **Architecture Lead**: Bo Chen - Pending  
                **Security Lead**: [Name] - [Approved/Pending]
                """);
        Spec s = p.spec();
        assertEquals("FEAT-7", s.id());
        assertEquals("Edge cache", s.title());
        assertEquals("approved", s.status().slug());
        assertEquals(List.of("Ana Ruiz"), s.owners());
        assertEquals("2026-03-01", s.created());
        assertEquals("2026-04-02", s.updated());
        assertFalse(s.sections().stream().anyMatch(x -> x.title().equals("Overview")),
                "an Overview that held only metadata is not a section");
        assertEquals(List.of("Which TTL?"), s.unresolvedQuestions().stream().map(OpenQuestion::text).toList());
        assertTrue(codes(p).contains("placeholder"));
        assertEquals(3, s.approvals().size());
        assertEquals("approved", s.approvals().get(0).state());
        assertEquals("Ana Ruiz", s.approvals().get(0).name());
        assertEquals("pending", s.approvals().get(1).state());
        assertEquals("missing", s.approvals().get(2).state());
        assertNull(s.approvals().get(2).name());
    }

    @Test
    void yamlFrontMatterWithRelations() {
        ParsedSpec p = parse("""
                ---
                id: ADR-004
                title: Content-hash cache
                status: accepted
                owners: [sam, "@mara"]
                created: 2026-05-12
                tags: [performance, cache]
                supersedes: ADR-002
                ---

                # Content-hash cache in a flat file

                Context.
                """);
        Spec s = p.spec();
        assertEquals("ADR-004", s.id());
        assertEquals("Content-hash cache", s.title(), "front matter title wins over the H1");
        assertEquals("approved", s.status().slug(), "accepted is an alias of approved");
        assertEquals(List.of("sam", "mara"), s.owners());
        assertEquals("2026-05-12", s.created());
        assertEquals(List.of("performance", "cache"), s.tags());
        assertEquals("supersedes", s.relations().get(0).type());
        assertEquals("ADR-002", s.relations().get(0).target());
    }

    @Test
    void invalidFrontMatterDateIsADiagnosticNotACrash() {
        ParsedSpec p = parse("""
                ---
                id: X-1
                created: 2026-13-45
                ---
                # Title
                """);
        assertNull(p.spec().created());
        Diagnostic d = p.diagnostics().stream().filter(x -> x.code().equals("invalid-date")).findFirst().orElseThrow();
        assertEquals(3, d.line());
    }

    @Test
    void brokenYamlIsAnErrorWithItsLine() {
        ParsedSpec p = parse("""
                ---
                id: X-1
                title: [unclosed
                ---
                # Still a page
                """);
        assertEquals("Still a page", p.spec().title());
        Diagnostic d = p.diagnostics().stream().filter(x -> x.code().equals("front-matter-syntax")).findFirst().orElseThrow();
        assertEquals(dev.specsite.diag.Severity.ERROR, d.severity());
        assertTrue(d.line() >= 3, "line " + d.line());
    }

    @Test
    void headerBulletsRustStyle() {
        ParsedSpec p = parse("text/0001-private-fields.md", """
                - Feature Name: private_fields
                - Start Date: 2014-03-11
                - RFC PR: [rust-lang/rfcs#1](https://github.com/rust-lang/rfcs/pull/1)

                # Summary

                Make fields private by default.

                # Unresolved questions

                * Should tuple structs follow?
                * What about enums?
                """);
        Spec s = p.spec();
        assertEquals("private fields", s.title(), "no title heading: the file name without its number");
        assertEquals("2014-03-11", s.created());
        assertEquals(2, s.unresolvedQuestions().size());
        assertTrue(s.metadata().stream().anyMatch(m -> m.key().equals("Feature Name") && m.value().equals("private_fields")));
    }

    @Test
    void templatePlaceholdersAreWarningsNotValues() {
        ParsedSpec p = parse("""
                # SPEC-XXX: [Feature Name]

                **Status**: Draft | In Review | Approved | Implemented
                **Created**: YYYY-MM-DD
                **Author**: [Your Name]
                """);
        Spec s = p.spec();
        assertTrue(s.idDerived());
        assertEquals("example", s.title());
        assertNull(s.status().slug());
        assertNull(s.created());
        assertTrue(s.owners().isEmpty());
        assertTrue(codes(p).stream().filter(c -> c.equals("placeholder")).count() >= 4, codes(p).toString());
    }

    @Test
    void unknownStatusIsKeptAndReported() {
        ParsedSpec p = parse("# A\n\n**Status**: Pondering\n");
        assertNull(p.spec().status().slug());
        assertEquals("Pondering", p.spec().status().label());
        Diagnostic d = p.diagnostics().stream().filter(x -> x.code().equals("unknown-status")).findFirst().orElseThrow();
        assertTrue(d.hint().contains("draft") && d.hint().contains("implemented"));
        assertEquals(3, d.line());
    }

    @Test
    void statusMatchesLeadingWords() {
        assertEquals("implemented", parse("# A\n\n* Status: **Implemented (Swift 5.9)**\n* Author: x\n").spec().status().slug());
        assertEquals("in-review", parse("# A\n\n**Status:** Active Review (May 1–12)\n").spec().status().slug());
    }

    @Test
    void robustToCrlfBomCommentsAndFences() {
        String text = "\uFEFF# SPEC-9: Robust\r\n\r\n<!-- **Status**: Approved -->\r\n**Status**: Draft\r\n\r\n"
                + "## Code\r\n\r\n```sh\r\n# not a heading\r\nSPEC-1 is not a mention here\r\n```\r\n\r\n"
                + "``` `inline` ``` text\r\n\r\n## Émoji 🚀 <em>head</em>\r\n";
        ParsedSpec p = parse(text);
        Spec s = p.spec();
        assertEquals("SPEC-9", s.id());
        assertEquals("draft", s.status().slug(), "metadata in a comment is ignored");
        assertEquals(List.of("Code", "Émoji 🚀 head"), s.sections().stream().map(Section::title).toList());
        assertTrue(s.links().stream().noneMatch(l -> l.target().equals("SPEC-1")), "no mentions in code");
    }

    @Test
    void scriptCannotBeInjected() {
        ParsedSpec p = parse("""
                # SPEC-1: <script>alert(1)</script>

                **Status**: Draft

                <script>alert(2)</script>

                <img src=x onerror="alert(3)">

                [click](javascript:alert(4))

                <a href="javascript:alert(5)">x</a>
                """);
        String html = p.html().toLowerCase();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("onerror"), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(codes(p).contains("unsafe-link"));
    }

    @Test
    void linksAndMentionsAreRecordedWithPositions() {
        ParsedSpec p = parse("""
                # SPEC-2: B

                See [the reset spec](../auth/reset.md#flow) and SPEC-042#FR-3, but not `SPEC-7`.
                """);
        var links = p.spec().links();
        assertEquals(2, links.size());
        assertEquals("link", links.get(0).kind());
        assertEquals("../auth/reset.md#flow", links.get(0).target());
        assertEquals(3, links.get(0).line());
        assertEquals(5, links.get(0).column());
        assertEquals("mention", links.get(1).kind());
        assertEquals("SPEC-042#FR-3", links.get(1).target());
        assertTrue(links.get(1).context().startsWith("See the reset spec"));
    }

    @Test
    void needsClarificationAndUnresolvedBlocksAreQuestions() {
        ParsedSpec p = parse("""
                # A

                Users log in with [NEEDS CLARIFICATION: which identity provider?] credentials.

                <<[UNRESOLVED-naming]>>
                What do we call it?
                <<[/UNRESOLVED]>>
                """);
        List<OpenQuestion> qs = p.spec().questions();
        assertEquals(2, qs.size());
        assertEquals("which identity provider?", qs.get(0).text());
        assertEquals("needs-clarification", qs.get(0).kind());
        assertEquals("naming", qs.get(1).text());
        assertEquals(5, qs.get(1).line());
    }

    @Test
    void goStyleParagraphMetadata() {
        ParsedSpec p = parse("design/12345-thing.md", """
                # Proposal: A better thing

                Author(s): Russ Cox, Ian Lance Taylor

                Last updated: July 2015

                Discussion at https://golang.org/issue/12345.

                ## Abstract

                Text.
                """);
        Spec s = p.spec();
        assertEquals("A better thing", s.title());
        assertEquals(List.of("Russ Cox", "Ian Lance Taylor"), s.owners());
        assertEquals("2015-07-01", s.updated());
        assertTrue(Jsoup.parseBodyFragment(p.html()).text().contains("Discussion at"));
    }

    @Test
    void inlineMetadataWithSeparators() {
        ParsedSpec p = parse("# A\n\n**Date:** 2024-03-01 · **Status:** Approved · **Owner:** kim\n");
        Spec s = p.spec();
        assertEquals("2024-03-01", s.created());
        assertEquals("approved", s.status().slug());
        assertEquals(List.of("kim"), s.owners());
    }

    @Test
    void sameInputGivesSameOutput() {
        String text = "# SPEC-1: A\n\n**Status**: Draft\n\n## B\n\n## B\n\nSee SPEC-2.\n";
        assertEquals(parse(text), parse(text));
        List<Section> sections = parse(text).spec().sections();
        assertEquals("b", sections.get(0).anchor());
        assertEquals("b-1", sections.get(1).anchor(), "anchors are unique");
    }

    @Test
    void bareAddressesBecomeLinks() {
        ParsedSpec p = parse("# A\n\nSee https://example.com/a and www.example.org/b.\n\n"
                + "Escaped: https\\://example.com/c. Mail ann@example.com. Plain text: none here.\n");
        List<String> targets = p.spec().links().stream().map(l -> l.target()).toList();
        // an address spelt with an escape is a link too; flexmark keeps the text as written
        assertEquals(List.of("https://example.com/a", "www.example.org/b", "https\\://example.com/c"), targets);
        assertTrue(p.html().contains("href=\"mailto:ann@example.com\""), p.html());
    }

    @Test
    void anchorsAreIdAttributesAfterWhiteSpaceAndTheTop() {
        Spec spec = parse("# A\n").spec();
        String html = "<h2 id=\"a\">A</h2><div\nid=\"b\" data-id=\"c\"><p id=\"\">x</p><p id=\"d\">id=\"e\"</p></div>";
        assertEquals(java.util.Set.of("a", "b", "d", "top"), new ParsedSpec(spec, html, List.of()).anchors());
    }

    @Test
    void collapseTrimsAndJoinsWhiteSpaceRuns() {
        for (String s : List.of("", " ", "a", "a b", " a b ", "a  b", "a\tb", "\n a \n\n b \u2003", "a\u00a0 b", "ab ", " ab")) {
            String expected = String.join(" ", s.strip().split("[\\s\\p{javaWhitespace}]+"));
            assertEquals(expected, NodeText.collapse(s), s);
        }
    }

    @Test
    void textIsUnescapedAndHtmlEscaped() {
        assertEquals("<p>x * y &amp; z &lt; w \u00a9 &quot;q&quot; a\ufffdb</p>\n",
                parse("# A\n\nx \\* y &amp; z < w &copy; \"q\" a\u0000b\n").html());
    }

    /** A question or criterion in a loose task list: its id and class on the item, not again on its paragraph. */
    @Test
    void looseTaskItemsCarryTheirIdOnce() {
        ParsedSpec p = parse("""
                # SPEC-1: Loose

                ## Open Questions

                - [ ] Should we do X?

                - [ ] Should we do Y?

                ## Acceptance Criteria

                - [ ] First

                - [x] Second
                """);
        Document html = Jsoup.parseBodyFragment(p.html());
        assertEquals(2, p.spec().questions().size());
        for (OpenQuestion q : p.spec().questions()) {
            assertEquals(1, html.select("[id=" + q.anchor() + "]").size(), q.anchor());
            assertEquals("li", html.getElementById(q.anchor()).tagName());
        }
        assertEquals(2, html.select("li.open-question").size());
        assertEquals(0, html.select("p.open-question, p[id]").size(), p.html());
    }
}
