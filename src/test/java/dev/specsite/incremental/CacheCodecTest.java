package dev.specsite.incremental;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.specsite.TestSites;
import dev.specsite.diag.Diagnostic;
import dev.specsite.model.SourceFile;
import dev.specsite.parse.ParsedSpec;
import dev.specsite.parse.SpecParser;
import dev.specsite.scan.Scanner;

/**
 * A cache shard's bytes: every parse result of real spec repositories reads back equal (but for
 * its body, which is not kept), the bytes depend only on the entries, and damaged bytes read as
 * {@link CacheCodec.Malformed}, never as another exception or a wrong result that parses; bytes of
 * another format or key read as {@link CacheCodec.OtherCache}.
 */
class CacheCodecTest {

    private static final SpecParser PARSER = new SpecParser(
            TestSites.config(Path.of("content"), Path.of("target/test-site")));

    /** Parse results of content/ and, where present, the shared corpora (with their diagnostics). */
    private static TreeMap<String, ParsedSpec> parsed() throws IOException {
        List<Path> roots = new ArrayList<>(List.of(TestSites.projectRoot().resolve("content")));
        Path corpora = TestSites.corpora();
        if (corpora != null && Files.isDirectory(corpora)) {
            roots.add(corpora);
        }
        TreeMap<String, ParsedSpec> out = new TreeMap<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                    String path = root.relativize(f).toString().replace('\\', '/');
                    out.put(root.getFileName() + "/" + path,
                            PARSER.parse(new SourceFile(path, Files.readString(f), "h" + path.hashCode())));
                }
            }
        }
        return out;
    }

    private static TreeMap<String, Scanner.Stamp> stamps() {
        TreeMap<String, Scanner.Stamp> out = new TreeMap<>();
        out.put("a.md", new Scanner.Stamp(12, 1_700_000_000_000L, "abc", List.of(), 1_700_000_000_123L));
        out.put("b/é.md", new Scanner.Stamp(0, -1, "", List.of(
                Diagnostic.warning("b/é.md", 3, 1, "encoding", "not UTF-8 — read as windows-1252", null)), 0));
        return out;
    }

    @Test
    void everyParseResultReadsBackEqualButForItsBody() throws IOException {
        TreeMap<String, ParsedSpec> parsed = parsed();
        assertTrue(parsed.size() > 10);
        CacheCodec.Shard shard = new CacheCodec.Shard("key \u2014 1", parsed, stamps());
        byte[] bytes = CacheCodec.write(shard);
        CacheCodec.Shard back = CacheCodec.read(bytes);

        assertEquals(shard.key(), back.key());
        assertEquals(shard.stamps(), back.stamps());
        assertEquals(parsed.keySet(), back.parsed().keySet());
        for (Map.Entry<String, ParsedSpec> e : parsed.entrySet()) {
            ParsedSpec a = e.getValue();
            ParsedSpec b = back.parsed().get(e.getKey());
            assertEquals(a.spec(), b.spec(), e.getKey());
            assertEquals(a.diagnostics(), b.diagnostics(), e.getKey());
            assertEquals(a.anchors(), b.anchors(), e.getKey());
            assertEquals(a.rawLinks(), b.rawLinks(), e.getKey());
            assertEquals(a.rawLinks(), b.hasHtml(), "the body is kept only when the link stage reads it");
            if (b.hasHtml()) {
                assertEquals(a.html(), b.html(), e.getKey());
            }
        }
        assertArrayEquals(bytes, CacheCodec.write(back), "what was read writes the same bytes");
        assertArrayEquals(bytes, CacheCodec.write(new CacheCodec.Shard(shard.key(), parsed(), stamps())),
                "the bytes depend only on the entries (another parse, other set orders)");
    }

    /**
     * Strings of every kind read back equal: Latin-1, Latin-1 ending in "…" (a shortened context,
     * written apart), "…" elsewhere or twice, other characters, empty, and the same string again.
     */
    @Test
    void everyKindOfStringReadsBack() {
        String[] texts = {"", "plain", "caf\u00e9", "\u2026", "cut here\u2026", "\u00ff\u2026", "\u2026 not at the end",
            "twice\u2026\u2026", "em \u2014 dash\u2026", "\ud83d\ude00\u2026", "cut here\u2026", "plain"};
        TreeMap<String, Scanner.Stamp> stamps = new TreeMap<>();
        for (int i = 0; i < texts.length; i++) {
            stamps.put(i + texts[i], new Scanner.Stamp(i, i, texts[i], List.of(
                    Diagnostic.warning(texts[i], 1, 1, "code", texts[texts.length - 1 - i], null)), i));
        }
        CacheCodec.Shard back = CacheCodec.read(CacheCodec.write(new CacheCodec.Shard("k\u2026", new TreeMap<>(), stamps)));
        assertEquals("k\u2026", back.key());
        assertEquals(stamps, back.stamps());
    }

    @Test
    void anEmptyShardReadsBack() {
        CacheCodec.Shard empty = new CacheCodec.Shard("", new TreeMap<>(), new TreeMap<>());
        assertEquals(empty, CacheCodec.read(CacheCodec.write(empty)));
    }

    /**
     * Every truncation, every single-bit flip and random damage reads as Malformed (the checksum), or,
     * when the magic number is damaged too, as of another format: never as a shard.
     */
    @Test
    void damagedBytesAreMalformedNeverAnotherFailure() throws IOException {
        TreeMap<String, ParsedSpec> some = new TreeMap<>();
        parsed().entrySet().stream().limit(3).forEach(e -> some.put(e.getKey(), e.getValue()));
        byte[] bytes = CacheCodec.write(new CacheCodec.Shard("k", some, stamps()));
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(bytes, n);
            assertThrows(CacheCodec.Malformed.class, () -> CacheCodec.read(cut), "cut at " + n);
        }
        byte[] small = CacheCodec.write(new CacheCodec.Shard("k", new TreeMap<>(), stamps()));
        for (int bit = 0; bit < small.length * 8; bit++) { // every bit of a small shard
            byte[] flipped = small.clone();
            flipped[bit / 8] ^= (byte) (1 << bit % 8);
            assertThrows(CacheCodec.Malformed.class, () -> CacheCodec.read(flipped), "bit " + bit + " flipped");
        }
        for (int at = 0; at < bytes.length; at++) { // a bit of every byte of a larger one
            byte[] flipped = bytes.clone();
            flipped[at] ^= (byte) (1 << at % 8);
            int where = at;
            assertThrows(CacheCodec.Malformed.class, () -> CacheCodec.read(flipped), () -> "byte " + where + " flipped");
        }
        Random random = new Random(5);
        for (int round = 0; round < 2000; round++) {
            byte[] damaged = bytes.clone();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            if (java.util.Arrays.equals(damaged, bytes)) {
                continue;
            }
            boolean magic = !java.util.Arrays.equals(damaged, 0, 4, bytes, 0, 4);
            RuntimeException e = assertThrows(RuntimeException.class, () -> CacheCodec.read(damaged));
            assertTrue(e instanceof CacheCodec.Malformed || magic && e instanceof CacheCodec.OtherCache, e.toString());
        }
        assertEquals("k", CacheCodec.read(bytes, "k").key());
        assertThrows(CacheCodec.OtherCache.class, () -> CacheCodec.read(bytes, "another key"),
                "a shard of another key is not read");
        assertThrows(CacheCodec.Malformed.class, () -> CacheCodec.read(new byte[0]));
        assertThrows(CacheCodec.OtherCache.class, () -> CacheCodec.read("not a shard".getBytes()),
                "another format (no checksum, another magic number)");
    }

    @Test
    void aRenderSnapshotReadsBackEqual() {
        dev.specsite.render.RenderState.Snapshot s = new dev.specsite.render.RenderState.Snapshot("k",
                new String[] {"SPEC-1", "SPEC-é"}, new long[] {Long.MIN_VALUE, 7}, new long[] {-1, Long.MAX_VALUE}, 42,
                -42, List.of("index.html", "SPEC-1/index.html"), new String[] {"2026-11-22", null}, new int[] {0, 3});
        byte[] bytes = CacheCodec.write(new CacheCodec.Rendered("key", 9, s));
        CacheCodec.Rendered back = CacheCodec.readRendered(bytes);
        assertEquals("key", back.key());
        assertEquals(9, back.generation());
        dev.specsite.render.RenderState.Snapshot b = back.snapshot();
        assertEquals(s.key(), b.key());
        assertArrayEquals(s.ids(), b.ids());
        assertArrayEquals(s.digests(), b.digests());
        assertArrayEquals(s.summaries(), b.summaries());
        assertEquals(s.diagnostics(), b.diagnostics());
        assertEquals(s.redirects(), b.redirects());
        assertEquals(s.otherPages(), b.otherPages());
        assertArrayEquals(s.dates(), b.dates());
        assertArrayEquals(s.diagnosticCounts(), b.diagnosticCounts());
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(bytes, n);
            assertThrows(CacheCodec.Malformed.class, () -> CacheCodec.readRendered(cut), "cut at " + n);
        }
        assertThrows(CacheCodec.Malformed.class, () -> CacheCodec.read(bytes), "a snapshot is not a shard");
    }
}
