package dev.specsite.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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
        return ParsedSpec.stored(p.spec(), p.diagnostics(), p.anchors(), p.rawLinks());
    }

    @Test
    void theCacheKeepsEverythingButTheBody() throws Exception {
        ParsedSpec p = ParseFixture.parse("specs/spec-7.md", TEXT);
        assertTrue(p.hasHtml());
        assertFalse(p.rawLinks(), "the raw <img src> is a link placeholder, as a Markdown image's is");
        assertTrue(p.html().contains("<img src=\"specsite:link/2\" alt=\"diagram\">"), p.html());
        assertTrue(roundTrip(new ParsedSpec(p.spec(), p.html() + "<img src=\"left.svg\">", p.diagnostics())).rawLinks(),
                "a relative URL outside the placeholders is one the link stage rewrites");
        ParsedSpec stored = roundTrip(p);
        assertFalse(stored.hasHtml());
        assertEquals(p.spec(), stored.spec());
        assertEquals(p.diagnostics(), stored.diagnostics());
        assertEquals(p.anchors(), stored.anchors());
        assertFalse(stored.rawLinks());
        assertThrows(IllegalStateException.class, stored::html, "no body and no way to make it");

        AtomicInteger parses = new AtomicInteger();
        stored.reloadWith(() -> {
            parses.incrementAndGet();
            return ParseFixture.parse("specs/spec-7.md", TEXT).html();
        });
        assertEquals(p.html(), stored.html());
        assertEquals(p.html(), stored.html());
        assertEquals(1, parses.get(), "made again once, then kept");
        assertEquals(p, stored);
    }

    @Test
    void aBodyReadsItsParseResultOnlyWhenItsHtmlIsWanted() throws Exception {
        ParsedSpec stored = roundTrip(ParseFixture.parse("specs/spec-7.md", TEXT));
        AtomicInteger parses = new AtomicInteger();
        stored.reloadWith(() -> {
            parses.incrementAndGet();
            return ParseFixture.parse("specs/spec-7.md", TEXT).html();
        });
        Body body = Body.of(stored).resolved(List.of(new Resolved.External("other.html")), List.of(),
                stored.spec().hash());
        assertTrue(body.fingerprint().startsWith(stored.spec().hash()));
        assertEquals(0, parses.get(), "a page fingerprint needs no body");
        assertTrue(BodyHtml.of(body, "specs/spec-7.html").contains("href=\"other.html\""));
        assertEquals(1, parses.get());
    }

    @Test
    void plainMarkdownHasNoRawLinks() {
        assertFalse(ParseFixture.parse("# A\n\n[b](b.md), [c](https://example.org), [d](#d)\n").rawLinks());
    }
}
