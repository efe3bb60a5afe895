package dev.specsite.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import dev.specsite.TestSites;
import dev.specsite.model.SourceFile;

/**
 * The lean HTML renderer against flexmark's: the same document (parsed and prepared by specsite)
 * must come out byte for byte the same, for hand-written tricky snippets, for content/ and for the
 * shared corpora; a document with a node the lean renderer does not know is left to flexmark.
 */
class HtmlOutTest {

    private static final SpecParser PARSER = ParseFixture.PARSER;

    /** Renders a prepared document both ways; the lean result is null when it fell back. */
    private record Both(String lean, String flexmark) {
    }

    private static Both both(SpecParser parser, String path, String text) {
        Document doc = parser.prepared(new SourceFile(path, text, "hash"));
        Markdown md = parser.markdown();
        String flexmark = md.renderWithFlexmark(doc);
        String lean = md.renderLean(doc);
        return new Both(lean, flexmark);
    }

    private static void same(String text) {
        Both b = both(PARSER, "specs/example.md", text);
        assertNotNull(b.lean(), () -> "lean renderer fell back for:\n" + text);
        assertEquals(b.flexmark(), b.lean(), () -> "for:\n" + text);
    }

    static final List<String> SNIPPETS = List.of(
            "",
            "\n\n\n",
            "plain",
            "# Title\n\nText.",
            "# SPEC-9: Title\n\n## Section *with* `code` & <b>html</b>\n\nBody",
            "## Heading with [link](x.md) and **strong** text\n\n### Deeper\n#### Deeper still\n##### Five\n###### Six",
            "Setext heading\n==============\n\nAnother\n-------\n",
            "a\nb\nc  \nd\\\ne",
            "tight:\n\n- one\n- two\n- three\n",
            "loose:\n\n- one\n\n- two\n\n- three\n",
            "- one\n  - nested *a*\n  - nested b\n    1. deep\n    2. deeper\n- two\n",
            "1. one\n2. two\n\n   more of two\n3. three\n",
            "3. starts at three\n4. four\n",
            "- [ ] open task\n- [x] done task\n- [X] done too\n- plain item\n",
            "- [ ] loose task\n\n- [x] loose done\n\n  with a second paragraph\n",
            "1. [ ] ordered task\n2. [x] ordered done\n",
            "- [ ]\n- [x] \n",
            "- item\n\n      indented code in item\n",
            "- \n- empty items\n-\n",
            "* star\n+ plus\n- minus\n",
            "| a | b | c |\n|:--|:-:|--:|\n| 1 | **2** | `3` |\n| x | [y](y.md) | z \\| pipe |\n",
            "| only head |\n|---|\n",
            "| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n",
            "Table: caption\n\n| a |\n|---|\n| b |\n",
            "Code `a`, ``b ` c``, `` `d` ``, `  spaced  `, `multi\nline`.",
            "```\nplain fence\n```\n",
            "```java\nclass A { String s = \"<&>\"; }\n```\n",
            "```java title=\"x\"\nclass A {}\n\n\n  indented\n```\n",
            "~~~ python\nprint('x')\n~~~\n",
            "```\n```\n",
            "````\n```\nnested\n```\n````\n",
            "    indented code\n    <b>x</b> & y\n\n\n    after blank\n\n\n",
            "> quote\n> more\n\n> - list in quote\n>   - nested\n> 1. ordered\n",
            "> # heading in quote\n>\n> ```\n> code in quote\n> ```\n",
            "> > nested quote\n> back\n",
            "Entities: &amp; &lt; &copy; &#169; &#xA9; &nbsp; &bogus; &#0; &",
            "Escapes: \\* \\_ \\# \\[ \\] \\\\ \\` \\< \\& \\\" plain \\q",
            "Quotes \"double\" and 'single' and <angle>",
            "<div>\n<p>raw block</p>\n</div>\n\nafter",
            "<div class=\"x\">\n\n*markdown inside*\n\n</div>\n",
            "<pre>\n  keep   spaces\n\n\n  and blanks\n</pre>\n",
            "<!-- a comment block -->\n\ntext <!-- inline comment --> more",
            "<!--\nmulti\nline\n-->\n",
            "Inline <span class=\"a\">html</span> and <br/> and <em\nclass=\"b\">split</em>.",
            "text <a href=\"x\">\nlink</a> end",
            "<script>\nvar a = 1;\n\n\nvar b = 2;\n</script>\n",
            "![alt *text*](img.png \"Title\") and ![](empty.png) and ![a](<sp ace.png>)",
            "![alt](img.png \"\") then ![alt2](img.png \"\") and [l](u \"\") [l2](u) [l3](u \"\")",
            "[link](http://example.com \"T & <t>\") [rel](other.md#frag) [empty]() [anchor](#x)",
            "[same](a.md) and [same again](a.md) and [third](./a.md)",
            "[js](javascript:alert(1)) and [JS](JavaScript:alert(2)) and [data](data:text/html,x)",
            "![js](javascript:alert(1)) ![vb](vbscript:x)",
            "[ref link][r1] and [r1] and [r1][] and [missing][nope] and [nope] and ![img ref][i1] ![missing img][zz]\n\n"
                    + "[r1]: http://example.com/r1 \"Ref title\"\n[i1]: pic.png\n",
            "[a][b] [c] [d][] [e]: not a ref\n\n[b]: <b.md>\n",
            "[x]: javascript:alert(1)\n\n[click][x] ![img][x]",
            "Autolinks: <http://a.example/x?y=1&z=2> <mailto:me@example.com> <me@example.com>",
            "Bare: http://example.com/path, www.example.com and someone@example.org. Also https://x.y/(paren).",
            "Text with SPEC-1 and FEAT-2#FR-3 mentions, `SPEC-1` in code, [SPEC-1](x.md) in link.",
            "~~struck~~ and ~single~ and ~~**bold struck**~~",
            "*em* _em_ **strong** __strong__ ***both*** *nested **strong** em*",
            "Hard break with spaces  \nnext\\\nand backslash",
            "Line one\r\nLine two\r\n\r\nPara\r\n",
            "Unicode: é ü ñ 日本語 emoji 🎉 ‘quotes’ — dash",
            "Tabs:\tin\ttext\n\n\tindented by tab\n",
            "---\n\n***\n\n___\n",
            "Trailing spaces   \n   leading spaces\n",
            "Para\n\n\n\n\nFar para",
            "## FR-1: Requirement heading\n\nThe system shall do X.\n\n## Open questions\n\n- Should we? TBD\n- [x] Done question\n",
            "## Requirements\n\n- FR-1: must do a\n- FR-2: must do b\n\n## Acceptance criteria\n\n- [ ] works\n- [x] tested\n",
            "TBD: decide this.\n\n[NEEDS CLARIFICATION: what?]\n",
            "Text\n<div>\nnot a block (no blank line)\n</div>",
            "1) paren list\n2) second\n",
            "- a\n- b\n\n\n- c after blanks\n",
            "Footnote-like [^1] text.\n\n[^1]: Not a footnote here.\n",
            "<table><tr><td>raw table</td></tr></table>\n",
            "<details>\n<summary>Sum</summary>\n\nInner *md*\n\n</details>\n",
            "[link with `code` and *em*](x.md) [![image link](i.png)](target.md)",
            "- item with table\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n",
            "Null char: a\u0000b",
            "A line with & and < and > and \" in text.",
            "&#13; carriage return entity &#10; line feed entity",
            "Blank lines from entities: x &#10;&#10;&#10;&#10; y\nnext &#10;\n&#10;\nz &#13;&#10;&#13;\nw",
            "&#10;&#10; at the start, then   &#10;   spaces after &#9;&#10;&#9; tabs",
            "- item &#10;&#10;\n- item two &#10;\n\n  loose &#10;",
            "`code &#10;` <span>&#10;</span>&#10;<b>\n</b>",
            "[title with newline](x.md \"line one\nline two\")",
            "![alt\nwith newline](x.png)");

    @Test
    void specsitesOptionsAreThoseTheLeanRendererWasWrittenFor() {
        assertTrue(new HtmlOut(PARSER.markdown().options()).usable());
        assertFalse(new HtmlOut(new com.vladsch.flexmark.util.data.MutableDataSet(PARSER.markdown().options())
                .set(com.vladsch.flexmark.html.HtmlRenderer.PERCENT_ENCODE_URLS, true)).usable(),
                "an option it does not implement turns it off");
    }

    @Test
    void snippetsRenderAsFlexmarkDoes() {
        for (String snippet : SNIPPETS) {
            same(snippet);
        }
    }

    @Test
    void documentsWithFrontMatterAndMetadataRenderAsFlexmarkDoes() {
        same("---\ntitle: T\nstatus: draft\n---\n# SPEC-3: T\n\nStatus: Draft\nOwner: me\n\n## Summary\n\nText.\n");
        same("# FEAT-1: Feature\n\n| Field | Value |\n|---|---|\n| Status | Accepted |\n\n## Risks\n\n- Risk one. Mitigation: do x.\n");
    }

    /** A node class no renderer knows. */
    private static final class Unknown extends Node {
        Unknown(BasedSequence chars) {
            super(chars);
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    @Test
    void aNodeOutsideTheWhitelistIsLeftToFlexmark() {
        Document doc = PARSER.prepared(new SourceFile("specs/example.md", "Some *text* here.\n\nMore.\n", "hash"));
        Markdown md = PARSER.markdown();
        assertNotNull(md.renderLean(doc), "the plain document renders lean");
        Node paragraph = doc.getFirstChild();
        paragraph.appendChild(new Unknown(paragraph.getChars().subSequence(0, 4)));
        assertNull(md.renderLean(doc), "an unknown node makes the lean renderer give up");
        assertEquals(md.renderWithFlexmark(doc), md.render(doc), "render falls back to flexmark");
    }

    @Test
    void anUnknownNodeFlexmarkWouldNotRenderDoesNotMatter() {
        // the children of a table separator are not rendered, by flexmark or here
        Document doc = PARSER.prepared(new SourceFile("specs/example.md", "| a |\n|---|\n| b |\n", "hash"));
        Markdown md = PARSER.markdown();
        Node separator = doc.getFirstChild().getFirstChild().getNext();
        assertEquals("TableSeparator", separator.getClass().getSimpleName());
        separator.appendChild(new Unknown(separator.getChars()));
        assertEquals(md.renderWithFlexmark(doc), md.renderLean(doc));
    }

    @Test
    void contentRendersAsFlexmarkDoes() throws IOException {
        Result r = compare(PARSER, Path.of("content"));
        assertTrue(r.files > 0, "content/ holds Markdown files");
        System.out.println(r.report("content"));
        r.check();
        assertEquals(0, r.fallbacks, "every file of content/ renders lean");
    }

    @Test
    void corporaRenderAsFlexmarkDoes() throws IOException {
        Path corpora = TestSites.corpora();
        assumeTrue(corpora != null, "shared corpora not found beside the project (../shared/corpora): corpus comparison skipped");
        Result all = new Result();
        try (Stream<Path> dirs = Files.list(corpora)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                SpecParser parser = new SpecParser(TestSites.config(dir, dir.resolve("../target-unused")));
                Result r = compare(parser, dir);
                System.out.println(r.report(dir.getFileName().toString()));
                all.add(r);
            }
        }
        assumeTrue(all.files > 0, "no Markdown files under " + corpora);
        System.out.println(all.report("corpora"));
        all.check();
        assertTrue(all.leanShare() >= 95.0, () -> all.report("corpora") + ": under 95% rendered lean");
    }

    /** Files compared, fallen back, skipped (the parse itself failed) and the differences found. */
    private static final class Result {
        int files;
        int fallbacks;
        int skipped;
        final List<String> differences = new ArrayList<>();

        void add(Result r) {
            files += r.files;
            fallbacks += r.fallbacks;
            skipped += r.skipped;
            differences.addAll(r.differences);
        }

        double leanShare() {
            int rendered = files - skipped;
            return rendered == 0 ? 0 : 100.0 * (rendered - fallbacks) / rendered;
        }

        String report(String name) {
            return String.format(Locale.ROOT, "html-out %s: %d files, %d rendered lean (%.1f%%), %d left to flexmark, %d not parsed, %d different",
                    name, files, files - skipped - fallbacks, leanShare(), fallbacks, skipped, differences.size());
        }

        void check() {
            if (!differences.isEmpty()) {
                fail(differences.size() + " files differ; first:\n" + String.join("\n\n", differences.subList(0, Math.min(3, differences.size()))));
            }
        }
    }

    private static Result compare(SpecParser parser, Path root) throws IOException {
        Result r = new Result();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path file : files) {
            r.files++;
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Both b;
            try {
                b = both(parser, root.relativize(file).toString(), text);
            } catch (RuntimeException | StackOverflowError | AssertionError e) {
                r.skipped++;
                continue;
            }
            if (b.lean() == null) {
                r.fallbacks++;
            } else if (!b.lean().equals(b.flexmark())) {
                r.differences.add(file + "\n" + firstDifference(b.flexmark(), b.lean()));
            }
        }
        return r;
    }

    private static String firstDifference(String expected, String actual) {
        int i = 0;
        while (i < expected.length() && i < actual.length() && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 120);
        return "flexmark: …" + expected.substring(from, Math.min(expected.length(), i + 120)) + "…\nlean:     …"
                + actual.substring(from, Math.min(actual.length(), i + 120)) + "…";
    }
}
