package dev.specsite.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.specsite.link.Body;
import dev.specsite.link.Resolved;
import dev.specsite.render.BodyHtml;

/**
 * A parse result as the build cache keeps it: everything but its body, which is made again (by
 * parsing the file) only when something reads it.
 */
class ParsedSpecStoreTest {

    private static final String TEXT = """
            # SPEC-7: Stored specs

            - **Status**: Draft

            ## Design

            See [the other one](other.md) and SPEC-8.

            <img src="diagram.svg" alt="diagram">
            """;

    /** What the cache's reader makes of a parse result it kept (its bytes: CacheCodecTest). */
    private static ParsedSpec roundTrip(ParsedSpec p) {
        return ParsedSpec.stored(p.spec(), p.diagnostics(), p.anchors(), p.rawLinks(), p.rawLinks() ? p.html() : null);
    }

    @Test
    void theCacheKeepsEverythingButABodyTheLinkStageDoesNotRead() throws Exception {
        ParsedSpec p = ParseFixture.parse("specs/spec-7.md", TEXT);
        assertTrue(p.hasHtml());
        assertFalse(p.rawLinks(), "the raw <img src> is a link placeholder, as a Markdown image's is");
        assertTrue(p.html().contains("<img src=\"specsite:link/2\" alt=\"diagram\">"), p.html());
        ParsedSpec raw = roundTrip(new ParsedSpec(p.spec(), p.html() + "<img src=\"left.svg\">", p.diagnostics()));
        assertTrue(raw.rawLinks(), "a relative URL outside the placeholders is one the link stage rewrites");
        assertTrue(raw.hasHtml(), "so its body is kept: the link stage never parses");
        ParsedSpec stored = roundTrip(p);
        assertFalse(stored.hasHtml());
        assertEquals(p.spec(), stored.spec());
        assertEquals(p.diagnostics(), stored.diagnostics());
        assertEquals(p.anchors(), stored.anchors());
        assertFalse(stored.rawLinks());
        assertNull(stored.html(), "no body: nothing makes it again behind the caller's back");
        assertFalse(stored.equals(p), "a parse result without its body is not the one with it");
    }

    @Test
    void aBodyWithoutItsHtmlIsGivenItBeforeItsPageIsRendered() throws Exception {
        ParsedSpec stored = roundTrip(ParseFixture.parse("specs/spec-7.md", TEXT));
        Body body = Body.of(stored).resolved(List.of(new Resolved.External("other.html")), List.of(),
                stored.spec().hash());
        assertFalse(body.hasHtml());
        assertTrue(body.fingerprint().startsWith(stored.spec().hash()), "a page fingerprint needs no body");
        assertThrows(IllegalStateException.class, () -> BodyHtml.of(body, "specs/spec-7.html"),
                "the render stage never parses: a body not at hand is a mistake of the build");
        Body given = body.withHtml(ParseFixture.parse("specs/spec-7.md", TEXT).html());
        assertTrue(BodyHtml.of(given, "specs/spec-7.html").contains("href=\"other.html\""));
        assertEquals(body, given, "bodies of one source with the same resolutions are equal");
    }

    @Test
    void plainMarkdownHasNoRawLinks() {
        assertFalse(ParseFixture.parse("# A\n\n[b](b.md), [c](https://example.org), [d](#d)\n").rawLinks());
    }
}
