package dev.specsite.parse;

import static dev.specsite.parse.ParseFixture.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.specsite.TestSites;
import dev.specsite.config.ConfigLoader;
import dev.specsite.config.ConfigLoader.ConfigException;
import dev.specsite.diag.Diagnostic;
import dev.specsite.diag.Severity;
import dev.specsite.model.SourceFile;

/**
 * Shapes of Markdown that flexmark 0.64.8 reads in time quadratic in their size, or with recursion
 * as deep: each parses quickly, keeps the rest of the document, and is reported where it became too
 * deep. The timeout is a guard against a hang, not a benchmark.
 */
class ParseBoundsHostileTest {

    static final Duration HANG_GUARD = Duration.ofSeconds(20);

    /** One hostile line (line 5) between two ordinary paragraphs. */
    static String around(String line) {
        return "# Deep\n\nBefore the line.\n\n" + line + "\n\nAfter the line.\n";
    }

    static ParsedSpec guarded(String text) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> parse(text));
    }

    static List<Diagnostic> withCode(ParsedSpec p, String code) {
        return p.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
    }

    static void keepsTheRest(ParsedSpec p) {
        assertTrue(withCode(p, "parse-failed").isEmpty(), p.diagnostics().toString());
        assertTrue(withCode(p, "parse-budget").isEmpty(), p.diagnostics().toString());
        Document html = Jsoup.parseBodyFragment(p.html());
        assertTrue(html.text().contains("Before the line."), "the text before the shape");
        assertTrue(html.text().contains("After the line."), "the text after the shape");
    }

    /** The shape, about 200 KB of it, and the column where the limit is passed. */
    static Stream<Arguments> tooDeep() {
        return Stream.of(
                arguments("list markers", "- ".repeat(100_000) + "x", 201),
                arguments("block quotes", "> ".repeat(100_000) + "x", 201),
                arguments("ordered list markers", "1. ".repeat(66_000) + "x", 301),
                arguments("quotes and lists mixed", "> * ".repeat(50_000) + "x", 201),
                arguments("a run of stars", "**".repeat(100_000), 301),
                arguments("a run of underscores", "_".repeat(200_000), 301),
                arguments("a run of dashes", "-".repeat(200_000), 301),
                arguments("a run of stars with text after", "*".repeat(200_000) + "x", 301),
                arguments("a run of dashes in a list item", "- " + "-".repeat(200_000), 303),
                arguments("indented list markers", "   - ".repeat(40_000) + "x", 504),
                arguments("a table separator row of 50,000 columns", "|---".repeat(50_000) + "|", 801));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooDeep")
    void aShapeTooDeepIsCutWhereItBecameTooDeep(String name, String line, int column) {
        ParsedSpec p = guarded(around(line));
        List<Diagnostic> deep = withCode(p, "nesting-too-deep");
        assertEquals(1, deep.size(), p.diagnostics().toString());
        Diagnostic d = deep.get(0);
        assertEquals(Severity.WARNING, d.severity());
        assertEquals("specs/example.md", d.file());
        assertEquals(5, d.line());
        assertEquals(column, d.column(), d.message());
        keepsTheRest(p);
    }

    @Test
    void nestingStopsAtTheLimitAndTheRestIsText() {
        Document lists = Jsoup.parseBodyFragment(guarded(around("- ".repeat(1000) + "x")).html());
        assertEquals(InputBounds.MAX_NESTING, lists.select("ul").size());
        assertTrue(lists.select("ul").last().text().startsWith("- - - "), "the markers past the limit are text");
        Document quotes = Jsoup.parseBodyFragment(guarded(around("> ".repeat(1000) + "x")).html());
        assertEquals(InputBounds.MAX_NESTING, quotes.select("blockquote").size());
        Document ordered = Jsoup.parseBodyFragment(guarded(around("1. ".repeat(1000) + "x")).html());
        assertEquals(InputBounds.MAX_NESTING, ordered.select("ol").size());
        assertTrue(ordered.select("ol").last().text().startsWith("1. 1. "), "a number's escaped '.' reads as '1.'");
    }

    @Test
    void shapesAtTheLimitAreLeftAlone() {
        String atLimit = around("- ".repeat(InputBounds.MAX_NESTING) + "x") + "\n"
                + "> ".repeat(InputBounds.MAX_NESTING) + "quoted\n\n"
                + "-".repeat(InputBounds.MAX_RULE_RUN) + "\n\n"
                + "* ".repeat(3) + "\n";
        ParsedSpec p = guarded(atLimit);
        assertTrue(withCode(p, "nesting-too-deep").isEmpty(), p.diagnostics().toString());
        Document html = Jsoup.parseBodyFragment(p.html());
        assertEquals(InputBounds.MAX_NESTING, html.select("ul").size());
        assertEquals(InputBounds.MAX_NESTING, html.select("blockquote").size());
        assertEquals(2, html.select("hr").size());
        String ordinary = "# T\n\n- a\n  - b\n    > c\n\n1. one\n2) two\n\n---\n\n***\n\ntext - with * markers > inside\n";
        assertSame(ordinary, InputBounds.bound("a.md", ordinary).text(), "an ordinary body is handed on as it is");
    }

    /** Shapes flexmark read in time quadratic in their size, now linear: no diagnostic, the page whole. */
    static Stream<Arguments> fast() {
        return Stream.of(
                arguments("open brackets", "[".repeat(200_000)),
                arguments("emphasis runs mid-line", "x " + "*_".repeat(100_000)),
                arguments("inline tags on one line", "<a>".repeat(66_000)),
                arguments("inline tags in one paragraph", "x <a>\n".repeat(30_000)),
                arguments("entities", "&amp;".repeat(40_000)),
                arguments("backslashes", "\\".repeat(200_000)),
                arguments("backticks", "`".repeat(200_000)),
                arguments("a table of 200 columns and 500 rows", "| a ".repeat(200) + "|\n" + "|---".repeat(200) + "|\n"
                        + ("| b ".repeat(200) + "|\n").repeat(500)),
                arguments("a table row of 50,000 cells", "| a ".repeat(50_000) + "|\n|---|---|\n| b | c |"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fast")
    void aShapeFlexmarkWasSlowOnParsesWhole(String name, String shape) {
        ParsedSpec p = guarded(around(shape));
        keepsTheRest(p);
    }

    @Test
    void aTextOfManyEscapesIsNotSearchedForLinks() {
        ParsedSpec p = guarded(around("\\@".repeat(66_000) + " https://example.com/"));
        List<Diagnostic> escapes = withCode(p, "too-many-escapes");
        assertEquals(1, escapes.size(), p.diagnostics().toString());
        assertEquals(5, escapes.get(0).line());
        assertEquals(1, escapes.get(0).column());
        keepsTheRest(p);
        assertTrue(Jsoup.parseBodyFragment(p.html()).select("a[href^=https://example.com]").isEmpty());
        // below the limit, an address written with escapes is still a link
        ParsedSpec fine = parse("# T\n\nMail ann\\@example.com or see https://example.com/a\\_b.\n");
        assertTrue(withCode(fine, "too-many-escapes").isEmpty());
        assertEquals(2, Jsoup.parseBodyFragment(fine.html()).select("a").size(), fine.html());
    }

    // ---------------------------------------------------------------- the time budget

    /** A parser with a trusted configuration: an untrusted one may not hold the slow patterns at all (RegexGuard). */
    static SpecParser parserWith(Path dir, String properties) throws IOException {
        Path props = dir.resolve("site-config.properties");
        Files.writeString(props, properties);
        return new SpecParser(ConfigLoader.load(props, TestSites.projectRoot(), dir, dir.resolve("out"), true));
    }

    static void overBudget(SpecParser parser, String text) {
        long start = System.nanoTime();
        ParsedSpec p = assertTimeoutPreemptively(HANG_GUARD, () -> parser.parse(new SourceFile("slow.md", text, "h")));
        long ms = (System.nanoTime() - start) / 1_000_000;
        List<Diagnostic> budget = withCode(p, "parse-budget");
        assertEquals(1, budget.size(), p.diagnostics().toString());
        assertEquals(Severity.ERROR, budget.get(0).severity());
        assertEquals(1, budget.get(0).line());
        assertTrue(budget.get(0).message().contains("300 ms"), budget.get(0).message());
        assertTrue(p.html().startsWith("<pre>"), "the text is shown unformatted");
        assertTrue(p.html().contains("After the line."), "the whole text");
        assertEquals("slow", p.spec().title());
        assertTrue(ms < 10_000, "stopped near its budget, not after " + ms + " ms");
    }

    @Test
    void aFileOverItsBudgetGetsAnUnformattedPage(@TempDir Path dir) throws IOException {
        // link openings: flexmark's link parsing is quadratic in their number (200 KB: tens of seconds)
        overBudget(parserWith(dir, "specsite.parse.budget-ms=300\n"), around("[a](".repeat(50_000)));
    }

    @Test
    void theBudgetBoundsTheRequirementPattern(@TempDir Path dir) throws IOException {
        // a pattern whose matching takes time exponential in the text (Java memoises simpler ones such as (a+)+b)
        SpecParser parser = parserWith(dir, "specsite.parse.budget-ms=300\nspecsite.requirements.pattern=(?:.*a){20}b\n");
        overBudget(parser, around("- " + "a".repeat(60) + "c"));
    }

    @Test
    void theBudgetBoundsMentionPatterns(@TempDir Path dir) throws IOException {
        SpecParser parser = parserWith(dir, "specsite.parse.budget-ms=300\nspecsite.mentions.pattern.evil=(?<id>(?:.*x){20}y)\n");
        overBudget(parser, around("y " + "x".repeat(60) + "z"));
    }

    @Test
    void theBudgetMustBePositive(@TempDir Path dir) throws IOException {
        Path props = dir.resolve("site-config.properties");
        Files.writeString(props, "specsite.parse.budget-ms=0\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(props, TestSites.projectRoot(), dir, dir.resolve("out")));
        assertTrue(e.getMessage().contains("specsite.parse.budget-ms"), e.getMessage());
    }

    @Test
    void anOrdinaryFileIsWellWithinTheDefaultBudget() {
        ParsedSpec p = parse("# T\n\n**Status**: Draft\n\n## A\n\n- FR-1: x\n- see SPEC-2\n");
        assertFalse(p.diagnostics().stream().anyMatch(d -> d.code().startsWith("parse-")), p.diagnostics().toString());
    }
}
