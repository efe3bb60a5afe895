package dev.specsite.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule-file form of a path, the paths no alias may take, and output paths claimed once. */
class RulePathHostileTest {

    @ParameterizedTest
    @ValueSource(strings = {"q\" \"x.html", "index.html /specs/R-1.html 200! x.html", "a\tb\nc\rd", "x.html;return 302 /",
            "#comment", "$uri{}", "a:splat/*", "%41%", "\\x", "Überblick.html", "日本/😀.html", "'`<>|^[]=&+,@",
            "plain/R-1.html"})
    void rulePathsHoldOnlyUnreservedCharactersAndEscapes(String hostile) {
        String p = Urls.rulePath(hostile);
        assertTrue(p.matches("(?:[A-Za-z0-9._~/-]|%[0-9A-F]{2})*"), p);
        assertEquals(hostile, decode(p), "the escapes are the path's UTF-8 bytes");
    }

    @Test
    void aPlainPathIsWrittenAsItIs() {
        String p = "specs/R-1.html";
        assertEquals(p, Urls.rulePath(p));
    }

    @Test
    void reservedPathsAreThoseTheSiteWritesAndTheirFolders() {
        for (String taken : List.of("index.html", "INDEX.HTML", "status.html", "questions-7.html", "questions.html",
                "feed.xml/x.html", "api/x.html", "Status/draft.html", "owners/x.html", "tags.html", "search/x.html",
                "badges/x.html", "files/a.html", ".specsite-cache/x.html", "a/.git/x.html", "css/specsite.css/x.html",
                "js/x.html", "_redirects/x.html", "redirects.nginx.conf/x.html", "timeline.html", "problems.html")) {
            assertNotNull(ReservedPaths.BUILT_IN.claim(taken), taken);
        }
        for (String free : List.of("specs/OLD-1.html", "old/page.html", "x.html", "statuses.html", "questions-x.html",
                "docs/index.html", "specs/index.html")) {
            assertNull(ReservedPaths.BUILT_IN.claim(free), free);
        }
        ReservedPaths theme = ReservedPaths.withAssets(List.of("Docs/Theme.css", "logo.svg"));
        assertNotNull(theme.claim("docs/theme.css"));
        assertNotNull(theme.claim("docs/theme.css/x.html"), "below a file of the theme");
        assertNotNull(theme.claim("logo.svg/index.html"));
        assertNotNull(theme.claim("docs"), "a folder of the theme");
        assertNull(theme.claim("docs/other.html"));
        assertNull(Urls.shortPath("status"), "a short path inside the status pages");
        assertNull(Urls.shortPath("questions-2.html"));
        assertEquals("SPEC-1/index.html", Urls.shortPath("SPEC-1"));
    }

    @Test
    void outputPathsKeepFilesAndFoldersApart() {
        OutputPaths taken = new OutputPaths();
        assertNull(taken.claim("specs/A.html", "A"));
        assertEquals("A", taken.claim("specs/a.html", "B"), "the same file in another case");
        assertEquals("A", taken.claim("specs/A.html/x.html", "B"), "below a file");
        assertNull(taken.claim("docs/x/y.html", "C"));
        assertEquals("C", taken.claim("docs/x", "D"), "a folder of a file");
        assertEquals("C", taken.claim("Docs", "D"));
        assertNull(taken.claim("docs/x/z.html", "D"), "beside a file in a known folder");
        assertEquals("C", taken.claim("DOCS/X/Y.HTML", "D"));
        assertNull(taken.claim("docs/x/deeper/w.html", "E"));
        assertEquals("E", taken.claim("docs/x/deeper", "F"));
        assertNull(taken.claim("index.html", "G"));
        assertEquals("G", taken.claim("index.html/a/b.html", "H"));
    }

    private static String decode(String p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(p.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
