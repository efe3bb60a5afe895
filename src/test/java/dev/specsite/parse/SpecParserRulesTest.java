package dev.specsite.parse;

import static dev.specsite.parse.ParseFixture.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.specsite.config.ConfigLoader;
import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.model.Approval;
import dev.specsite.model.MetaEntry;
import dev.specsite.model.OpenQuestion;
import dev.specsite.model.RelatedDocument;
import dev.specsite.model.Risk;
import dev.specsite.model.Section;
import dev.specsite.model.SourceFile;
import dev.specsite.model.Spec;
import dev.specsite.model.UserStory;

/** One test (or family) per rule of the parse stage: metadata styles, titles, sections, extracted items. */
class SpecParserRulesTest {

    static List<String> codes(ParsedSpec p) {
        return p.diagnostics().stream().map(Diagnostic::code).toList();
    }

    static MetaEntry entry(Spec s, String key) {
        return s.metadata().stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow(() ->
                new AssertionError("no metadata key " + key + " in " + s.metadata()));
    }

    // ------------------------------------------------------------------ metadata styles

    @ParameterizedTest
    @ValueSource(strings = {"**Status**: Approved", "**Status:** Approved", "__Status__: Approved",
            "- **Status**: Approved", "* Status: **Approved**", "> **Status:** Approved", "Status: Approved"})
    void everyStatusLineStyle(String line) {
        Spec s = parse("# Payments\n\n" + line + "\n\n## Summary\n\nText.\n").spec();
        assertEquals("approved", s.status().slug(), line);
        assertEquals("Approved", s.status().label());
    }

    @Test
    void bulletLinesWithBoldKeysBoldValuesAndPlainKeys() {
        ParsedSpec p = parse("""
                # Fast Path

                - **Owner**: @lee
                * Status: **Implemented (Swift 5.9)**
                - Feature Name: foo_bar
                """);
        Spec s = p.spec();
        assertEquals(List.of("lee"), s.owners());
        assertEquals("implemented", s.status().slug());
        assertEquals("Implemented (Swift 5.9)", s.status().label());
        MetaEntry feature = entry(s, "Feature Name");
        assertNull(feature.field(), "an unknown key is extra metadata");
        assertEquals("foo_bar", feature.value());
        assertEquals(5, feature.line());
    }

    @Test
    void overviewSectionOfBoldLinesWithHardBreaks() {
        Spec s = parse("""
                # Technical Specification: Search Index

                ## Overview

                **Status:** In Review\\
                **Owner:** Ann Lee  
                **Created:** 2026-01-05\\
                **Last Updated:** 2026/05/18

                ## Design

                Body.
                """).spec();
        assertEquals("Search Index", s.title());
        assertEquals("in-review", s.status().slug());
        assertEquals(List.of("Ann Lee"), s.owners());
        assertEquals("2026-01-05", s.created());
        assertEquals("2026-05-18", s.updated());
    }

    @Test
    void keyValueParagraphsUnderTheTitle() {
        Spec s = parse("""
                # Proposal: Go Modules

                Author(s): Russ Cox, Ian Lance Taylor

                Last updated: December 16, 2016

                Discussion at https://golang.org/issue/1.

                ## Abstract
                """).spec();
        assertEquals("Go Modules", s.title());
        assertEquals(List.of("Russ Cox", "Ian Lance Taylor"), s.owners());
        assertEquals("2016-12-16", s.updated());
        assertTrue(s.summary().startsWith("Discussion at"), "prose stays prose: " + s.summary());
    }

    @Test
    void bylineOfNamesAndADate() {
        Spec s = parse("""
                # Type Parameters

                Ian Lance Taylor\\
                Robert Griesemer\\
                August 20, 2021

                ## Status
                """).spec();
        assertEquals(List.of("Ian Lance Taylor", "Robert Griesemer"), s.owners());
        assertEquals("2021-08-20", s.created());
    }

    @Test
    void inlineDateAndStatusOnOneLine() {
        Spec s = parse("# Cache Rules\n\n**Date:** 2026-07-24 · **Status:** Proposed\n").spec();
        assertEquals("2026-07-24", s.created());
        assertEquals("draft", s.status().slug(), "'Proposed' is an alias of draft");
    }

    @Test
    void valueWrappedOntoTheNextLine() {
        Spec s = parse("""
                # Render Inline

                **Date:** 2026-07-13
                **Status:** Implemented — see the reconciliation below for how the
                shipped code diverged from the design.
                **Branch:** `feat/x`
                """).spec();
        assertEquals("implemented", s.status().slug());
        assertTrue(s.status().label().endsWith("diverged from the design."));
        assertEquals("feat/x", entry(s, "Branch").value());
    }

    @Test
    void yamlFrontMatterReadsDatesAsStrings() {
        ParsedSpec p = parse("""
                ---
                id: SPEC-3
                status: approved
                created: 2026-01-05
                updated: 23-07-2014
                owners: [ann, "@bo"]
                team: payments
                ---
                # Title
                """);
        Spec s = p.spec();
        assertEquals("SPEC-3", s.id());
        assertEquals("2026-01-05", s.created());
        assertEquals("2014-07-23", s.updated());
        assertEquals(List.of("ann", "bo"), s.owners());
        assertEquals("payments", entry(s, "team").value());
        assertEquals(7, entry(s, "team").line());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2026-01-05|2026-01-05", "2026/05/18|2026-05-18", "23-07-2014|2014-07-23",
            "December 16, 2016|2016-12-16", "16 Dec 2016|2016-12-16", "July 2015|2015-07-01"})
    void datesAsPeopleWriteThem(String raw, String iso) {
        assertEquals(iso, parse("# A\n\n**Created**: " + raw + "\n").spec().created());
    }

    @Test
    void unreadableDateIsADiagnosticWithItsLine() {
        ParsedSpec p = parse("# A\n\n**Status**: Draft\n**Created**: next Tuesday\n");
        Diagnostic d = p.diagnostics().stream().filter(x -> x.code().equals("invalid-date")).findFirst().orElseThrow();
        assertEquals(4, d.line());
        assertNull(p.spec().created());
    }

    @Test
    void customSynonymThroughConfiguration(@TempDir Path dir) throws IOException {
        Path props = dir.resolve("site-config.properties");
        Files.writeString(props, """
                specsite.field.owners=owner,steward
                specsite.field.created=kick off
                specsite.requirements.pattern=(?:SEC|PERF)-\\\\d+
                """);
        SiteConfig config = ConfigLoader.load(props, dir, dir, dir.resolve("out"));
        SpecParser parser = new SpecParser(config);
        Spec s = parser.parse(new SourceFile("a.md", """
                # Vault

                **Steward**: Ann
                **Kick_Off**: 2026-02-03
                **Author**: Bo

                ## Requirements

                - SEC-1: Secrets are encrypted at rest.
                - FR-1: not a requirement id on this site.
                """, "h")).spec();
        assertEquals(List.of("Ann"), s.owners(), "'Author' is no synonym any more: the site replaced the list");
        assertEquals("2026-02-03", s.created(), "keys compare without case, dashes or underscores");
        assertNull(entry(s, "Author").field());
        assertEquals(List.of("SEC-1"), s.requirements().stream().map(r -> r.id()).toList());
    }

    // ------------------------------------------------------------------ status and placeholders

    @Test
    void statusAliasesAndLeadingWords() {
        assertEquals("approved", parse("# A\n\n**Status**: Accepted\n").spec().status().slug());
        assertEquals("in-review", parse("# A\n\n**Status**: Active Review (May 1–12)\n").spec().status().slug());
        assertEquals("superseded", parse("# A\n\n**Status**: Superseded by SPEC-9\n").spec().status().slug());
        assertEquals("approved", parse("# A\n\n* Status: **Previewing**\n* Author: x\n").spec().status().slug());
        assertEquals("approved", parse("# A\n\n**Status**: Partially implemented (Swift 5.2): the API\n").spec()
                .status().slug(), "the longest alias wins: not 'implemented'");
        ParsedSpec p = parse("# A\n\n**Status**: Percolating\n");
        assertEquals("Percolating", p.spec().status().label(), "never dropped");
        assertNull(p.spec().status().slug(), "never coerced");
        Diagnostic d = p.diagnostics().stream().filter(x -> x.code().equals("unknown-status")).findFirst().orElseThrow();
        assertEquals(Diagnostic.warning("x", 0, 0, "x", "x", null).severity(), d.severity());
        assertTrue(d.hint().contains("draft, in-review, approved"), d.hint());
    }

    @Test
    void placeholdersAreWarningsNeverValues() {
        ParsedSpec p = parse("""
                # Spec: [Feature Name]

                - **Status**: Draft | In Review | Approved | Implemented
                - **Date**: YYYY-MM-DD
                - **Owner**: @username

                ## Sign-off

                **Engineering**: [Name] - Pending
                """);
        Spec s = p.spec();
        assertEquals("example", s.title());
        assertNull(s.status().slug());
        assertNull(s.created());
        assertTrue(s.owners().isEmpty());
        assertEquals("missing", s.approvals().get(0).state());
        assertTrue(codes(p).stream().filter("placeholder"::equals).count() >= 4, codes(p).toString());
        assertTrue(p.diagnostics().stream().noneMatch(d -> d.code().equals("invalid-date")));
    }

    // ------------------------------------------------------------------ titles

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "# Technical Spec: Search|Search", "# Feature Specification: Login|Login", "# Proposal: Modules|Modules",
            "# SPEC-042: Reset|Reset", "# ADR 7: Use Postgres|Use Postgres", "# RFC-12 — Streams|Streams"})
    void titleIsTheH1WithoutItsPrefix(String h1, String title) {
        assertEquals(title, parse(h1 + "\n\nText.\n").spec().title());
    }

    @Test
    void withoutH1TheFirstPlainTitleLineElseTheFileName() {
        assertEquals("Payment Retries", parse("**Payment Retries**\n\nWe retry.\n").spec().title());
        assertEquals("Payment Retries", parse("## Payment Retries\n\n- Start Date: 2026-01-01\n- Owner: ann\n\n## Summary\n")
                .spec().title(), "a leading '##' followed by metadata lines");
        assertEquals("Rustdoc cfg handling", parse("Rustdoc cfg handling\n\n- Feature Name: doc_cfg\n- Start Date: 2022-12-07\n\n## Summary\n")
                .spec().title());
        ParsedSpec p = parse("specs/0042-payment_retries-v2.md", "We retry payments.\n\n## Summary\n");
        assertEquals("payment retries v2", p.spec().title());
        assertTrue(codes(p).contains("no-title"));
        assertEquals("example", parse("## Summary\n\n- Start Date: 2026-01-01\n").spec().title(),
                "a usual section name is no title");
    }

    @Test
    void severalH1sTheFirstIsTheTitle() {
        Spec s = parse("# Main Title\n\nText.\n\n# Second\n\n## Sub\n").spec();
        assertEquals("Main Title", s.title());
        assertEquals(List.of("Second", "Sub"), s.sections().stream().map(Section::title).toList());
    }

    // ------------------------------------------------------------------ sections

    @Test
    void sectionsHaveStableUniqueAnchorsAndNoNumbering() {
        String text = "# T\n\n## 1. Notes\n\n## 6. Risks and Unknowns\n\n### 6.1 Notes\n\n## A. Notes\n\n## IV. Appendix\n";
        Spec s = parse(text).spec();
        assertEquals(List.of("Notes", "Risks and Unknowns", "Notes", "Notes", "Appendix"),
                s.sections().stream().map(Section::title).toList());
        assertEquals(List.of("1.", "6.", "6.1", "A.", "IV."), s.sections().stream().map(Section::number).toList());
        List<String> anchors = s.sections().stream().map(Section::anchor).toList();
        assertEquals(anchors.size(), anchors.stream().distinct().count(), anchors.toString());
        assertEquals(anchors, parse(text).spec().sections().stream().map(Section::anchor).toList());
        assertEquals(List.of(2, 2, 3, 2, 2), s.sections().stream().map(Section::level).toList());
    }

    // ------------------------------------------------------------------ extracted items

    @Test
    void requirementsAndAcceptanceProgress() {
        ParsedSpec p = parse("""
                # T

                ## Requirements

                - FR-1: Users can log in.
                - NFR-2: Login takes under 200 ms.

                ### FR-3: Reset

                ## Tasks

                - [x] not acceptance

                ## Acceptance Criteria

                - [x] Login works
                - [ ] Reset works
                - [x] Audit log written
                """);
        Spec s = p.spec();
        assertEquals(List.of("FR-1", "NFR-2", "FR-3"), s.requirements().stream().map(r -> r.id()).toList());
        assertEquals(5, s.requirements().get(0).line());
        assertEquals(2, s.acceptanceDone());
        assertEquals(3, s.acceptanceTotal());
    }

    @Test
    void openQuestionsFromSectionsMarkersAndTbd() {
        Spec s = parse("""
                # T

                The limit is TBD.

                ## Design

                Retries use [NEEDS CLARIFICATION: how many?] attempts.

                <<[UNRESOLVED naming]>>
                Which name?
                <<[/UNRESOLVED]>>

                ## Open Questions

                Some discussion that is not itself a question?

                - [x] Do we need SSO? Yes.
                - [ ] Which regions?
                - Who owns the cache?
                  - a detail, not a question

                ## Questions and Answers

                - Is this an FAQ? It is.
                """).spec();
        List<String> kinds = s.questions().stream().map(OpenQuestion::kind).toList();
        assertEquals(List.of("tbd", "needs-clarification", "unresolved-block", "section", "section", "section"), kinds);
        assertEquals(3, s.questions().stream().filter(q -> q.kind().equals("section")).count());
        assertTrue(s.questions().stream().filter(OpenQuestion::resolved).map(OpenQuestion::text).toList()
                .equals(List.of("Do we need SSO? Yes.")));
        assertEquals("how many?", s.questions().get(1).text());
        assertEquals("naming", s.questions().get(2).text());
        List<String> anchors = s.questions().stream().map(OpenQuestion::anchor).toList();
        assertEquals(anchors.size(), anchors.stream().distinct().count(), anchors.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Open Questions", "Unresolved questions", "Open issues", "Questions", "7. Open Questions & Risks"})
    void questionSectionNames(String heading) {
        Spec s = parse("# T\n\n## " + heading + "\n\n- One?\n- Two?\n").spec();
        assertEquals(2, s.unresolvedQuestions().size(), heading);
    }

    @Test
    void subHeadingsAreTheQuestionsWhenTheSectionHasNoList() {
        Spec s = parse("""
                # T

                ## Unresolved questions

                ### Naming

                Prose about naming.

                ### Should this be stable?

                Prose.

                #### A detail

                ## Future possibilities

                - not a question
                """).spec();
        assertEquals(List.of("Naming", "Should this be stable?"), s.questions().stream().map(OpenQuestion::text).toList());
        assertEquals(s.sections().get(1).anchor(), s.questions().get(0).anchor(), "the heading's own anchor");
    }

    @Test
    void noneIsNoQuestion() {
        assertEquals(0, parse("# T\n\n## Unresolved questions\n\n- None.\n").spec().questions().size());
        assertEquals(0, parse("# T\n\n## Unresolved questions\n\nNone at this time.\n").spec().questions().size());
    }

    @Test
    void approvalsSignedPendingAndMissing() {
        Spec s = parse("""
                # T

                ## Approvals

                **Engineering Lead**: Ana Ruiz - Approved
                **Product**: Bo Chen - Pending
                **Security**: [Name] - [Approved/Pending]

                | Role | Name | Status |
                |---|---|---|
                | Design | Cy Dee | ✅ Approved |
                """).spec();
        assertEquals(List.of("approved", "pending", "missing", "approved"),
                s.approvals().stream().map(Approval::state).toList());
        assertEquals("Ana Ruiz", s.approvals().get(0).name());
        assertNull(s.approvals().get(2).name());
        assertEquals(5, s.approvals().get(0).line());
    }

    @Test
    void userStoriesInBothForms() {
        Spec s = parse("""
                # T

                ## User Stories

                **As a** shopper **I want** to pay by card **So that** I finish quickly.

                - As a returning customer, I want saved addresses, so that checkout is faster.
                - As an admin, I need an audit log

                As a guest, I want to browse.
                As a member, I want to save items, so that I can come back.

                Past work as a team, I want to say, was good? -- not a story start
                """).spec();
        List<UserStory> u = s.userStories();
        assertEquals(List.of("shopper", "returning customer", "admin", "guest", "member"),
                u.stream().map(UserStory::role).toList());
        assertEquals("to pay by card", u.get(0).want());
        assertEquals("I finish quickly", u.get(0).soThat());
        assertNull(u.get(2).soThat());
        assertEquals(List.of(5, 7, 8, 10, 11), u.stream().map(UserStory::line).toList());
        assertEquals("User Stories", u.get(0).section());
    }

    @Test
    void risksFromListsAndTables() {
        Spec s = parse("""
                # T

                ## 6. Risks and Unknowns

                - Vendor lock-in — Mitigation: keep an adapter layer
                - Traffic spikes

                | Risk | Impact | Mitigation |
                |---|---|---|
                | Data loss | High | Backups every hour |

                ## Other

                - not a risk
                """).spec();
        assertEquals(List.of("Vendor lock-in", "Traffic spikes", "Data loss"), s.risks().stream().map(Risk::text).toList());
        assertEquals("keep an adapter layer", s.risks().get(0).mitigation());
        assertNull(s.risks().get(1).mitigation());
        assertEquals("Backups every hour", s.risks().get(2).mitigation());
        assertEquals(List.of(5, 6, 10), s.risks().stream().map(Risk::line).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Risks", "Risks and Mitigations", "Risks & Mitigations", "Known Risks", "Risks and Unknowns"})
    void riskSectionNames(String heading) {
        assertEquals(1, parse("# T\n\n## " + heading + "\n\n- A risk\n").spec().risks().size(), heading);
    }

    @Test
    void relatedDocuments() {
        Spec s = parse("""
                # T

                ## Related Documents

                - [Payments RFC](https://example.com/rfc)
                - Auth: [login spec](../auth/login.md)
                - The old wiki page
                - [Link reference][ref]

                [ref]: https://example.com/ref
                """).spec();
        List<RelatedDocument> r = s.related();
        assertEquals(List.of("Payments RFC", "Auth: login spec", "The old wiki page", "Link reference"),
                r.stream().map(RelatedDocument::title).toList());
        assertEquals("https://example.com/rfc", r.get(0).target());
        assertEquals("../auth/login.md", r.get(1).target());
        assertNull(r.get(2).target());
        assertEquals("https://example.com/ref", r.get(3).target());
        assertFalse(parse("# T\n\n## References\n\n- [a](b.md)\n").spec().related().isEmpty());
    }

    @Test
    void nonGoalsAreTheTopLevelItemsOfTheirSection() {
        ParsedSpec p = parse("""
                # Search

                ## Goals

                - Fast answers

                ## Non-Goals

                - Offline mode
                  - nested detail, not a non-goal of its own
                - [x] Federated search
                - [Non-goal]

                ### Not now

                - Still in the section (a lower heading)

                ## Out of Scope

                - Ranking by popularity

                ## Design

                - Not a non-goal
                """);
        assertEquals(List.of("Offline mode", "Federated search", "Still in the section (a lower heading)",
                "Ranking by popularity"), p.spec().nonGoals());
        assertEquals(1, p.diagnostics().stream().filter(d -> d.code().equals("placeholder")
                && d.message().contains("non-goal")).count(), p.diagnostics().toString());
        assertEquals(1, p.spec().checklist().size(), "a task item among the non-goals is still a checklist item");
    }
}
