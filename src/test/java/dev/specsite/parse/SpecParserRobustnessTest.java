package dev.specsite.parse;

import static dev.specsite.parse.ParseFixture.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.specsite.diag.Diagnostic;
import dev.specsite.model.Section;
import dev.specsite.model.Spec;

/** What real repositories hold, and what no repository should be able to break. */
class SpecParserRobustnessTest {

    static boolean failed(ParsedSpec p) {
        return p.diagnostics().stream().anyMatch(d -> d.code().equals("parse-failed"));
    }

    @Test
    void crlfAndByteOrderMarkKeepLineNumbers() {
        ParsedSpec p = parse("\uFEFF# Title\r\n\r\n**Status**: Draft\r\n**Created**: soon\r\n\r\n## Next\r\n");
        assertEquals("Title", p.spec().title());
        assertEquals("draft", p.spec().status().slug());
        assertEquals(4, p.diagnostics().stream().filter(d -> d.code().equals("invalid-date")).findFirst()
                .map(Diagnostic::line).orElse(-1));
        assertEquals(6, p.spec().sections().get(0).line());
        ParsedSpec cr = parse("# Old Mac\r**Status**: Approved\r");
        assertEquals("approved", cr.spec().status().slug());
    }

    @Test
    void metadataInsideHtmlCommentsIsIgnored() {
        Spec s = parse("""
                # T

                <!--
                **Status**: Approved
                **Owner**: @ghost
                -->
                **Status**: Draft

                ## Notes <!-- **Owner**: @nobody -->

                Text <!-- TBD --> here.
                """).spec();
        assertEquals("draft", s.status().slug());
        assertTrue(s.owners().isEmpty());
        assertTrue(s.questions().isEmpty(), "a TBD inside a comment is no question: " + s.questions());
    }

    @Test
    void codeFencesInlineCodeAndHtmlInHeadings() {
        ParsedSpec p = parse("""
                # T

                ```sh
                # not a heading
                - [ ] not a task
                FR-1: not a requirement
                ```

                ~~~
                ## not a heading either
                ~~~

                ``` `code` ``` is inline code at the start of a line.

                ## Heading with <code>html</code> and <span class="x">span</span>

                ## Émoji 🚀 and ünïcödé — 日本語
                """);
        Spec s = p.spec();
        assertEquals(List.of("Heading with html and span", "Émoji 🚀 and ünïcödé — 日本語"),
                s.sections().stream().map(Section::title).toList());
        assertTrue(s.checklist().isEmpty());
        assertTrue(s.requirements().isEmpty());
        Document html = Jsoup.parse(p.html());
        assertEquals(2, html.select("h2[id]").size());
        assertTrue(html.select("h2[id]").stream().allMatch(h -> !h.id().isBlank()));
        assertFalse(failed(p));
    }

    @Test
    void nonAsciiTitlesKeysAndFileNames() {
        ParsedSpec p = parse("specs/0007-über_straße-日本.md", """
                **Estado**: Borrador

                Texte en français.
                """);
        assertEquals("über straße 日本", p.spec().title());
        assertEquals("Borrador", p.spec().metadata().get(0).value());
        assertEquals("# Ελληνικά 🚀".substring(2), parse("# Ελληνικά 🚀\n").spec().title());
    }

    @Test
    void noH1AndSeveralH1() {
        assertEquals("example", parse("Just text.\n").spec().title());
        Spec s = parse("# One\n\n# Two\n\n# Three\n").spec();
        assertEquals("One", s.title());
        assertEquals(2, s.sections().size());
    }

    @Test
    void veryLongLinesAreReadWhole() {
        StringBuilder words = new StringBuilder("# Long\n\n");
        for (int i = 0; i < 40_000; i++) {
            words.append("word ");
        }
        ParsedSpec p = parse(words + "\n");
        assertTrue(p.spec().words() > 40_000);
        assertFalse(failed(p));
        // shapes that tempt regular expressions: long key/value runs, brackets, emphasis, a user story start.
        // ("[x](" and "\\" repeated 100 000 times are left out: flexmark itself is quadratic on them.)
        // "**" and "- " overflow the stack of flexmark's own regular expressions: parsed again on a large stack.
        List<String> units = List.of("**a**: b · ", "**", "As a user, I want ", "- ", "TBD ", "<<[UNRESOLVED ",
                "[NEEDS CLARIFICATION: ", "FR-1 ", "`", "| a ", "[a] ", "<!-- ");
        for (String unit : units) {
            String line = unit.repeat(200_000 / unit.length());
            ParsedSpec q = parse("# T\n\n**Status**: " + line + "\n\n" + line + "\n");
            assertFalse(failed(q), unit);
        }
    }

    @Test
    void taskItemHoldingSeveralParagraphsAndAList() {
        ParsedSpec p = parse("""
                # T

                - [x] Metrics

                  **Note:** spikes are expected.

                  - Metric name: `a_total`
                """);
        assertFalse(failed(p), p.diagnostics().toString());
        assertTrue(p.html().contains("spikes are expected") && p.html().contains("a_total"));
    }

    /** Seeded, so a failure always reproduces: 500 Markdown-ish documents, none may throw or fail. */
    @Test
    void garbledInputNeverThrows() {
        String[] pieces = {"#", "## ", "### ", "\n", "\n\n", "\r\n", "\r", "- ", "* ", "+ ", "1. ", "2) ", "[ ] ", "[x] ",
                "**", "__", "*", "_", "`", "```", "~~~", "    ", "\t", "> ", ">> ", "<!--", "-->", "<div>", "</div>",
                "<em>", "|", "| --- |", "---", "===", ":", "Status:", "**Status**:", "**Owner:** @a", "Author(s): ",
                "[NEEDS CLARIFICATION:", "<<[UNRESOLVED", "]>>", "TBD", "FR-1", "NFR-2:", "SPEC-2", "SPEC-3#FR-1",
                "[a](b.md)", "[a]: ", "![i](x.png)", "<https://x.y>", "\uFEFF", "🚀", "é", "日本", "\\", "&amp;", "&#0;",
                "\u0000", "\u200b", "As a ", "I want ", "so that ", "## Open Questions\n", "## Risks\n",
                "## Related Documents\n", "## Approvals\n", "## Acceptance Criteria\n", "---\n", "title: x\n", "[", "]",
                "(", ")", "{", "}", "$", "^", "YYYY-MM-DD", "2026-13-45", "Draft | Approved", "word ", "word ", "word "};
        Random random = new Random(20260121L);
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder();
            if (random.nextInt(4) == 0) {
                sb.append("---\n");
            }
            int n = random.nextInt(300);
            for (int k = 0; k < n; k++) {
                if (random.nextInt(12) == 0) {
                    sb.append((char) random.nextInt(0x3000));
                } else {
                    sb.append(pieces[random.nextInt(pieces.length)]);
                }
            }
            String text = sb.toString();
            ParsedSpec p = parse("fuzz/" + i + ".md", text);
            assertFalse(failed(p), "document " + i + " failed: " + p.diagnostics() + "\n---\n" + text);
        }
    }
}
