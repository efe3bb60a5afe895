package dev.specsite.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.TestSites;
import dev.specsite.config.SiteConfig;
import dev.specsite.link.LinkMemory;
import dev.specsite.link.LinkState;
import dev.specsite.link.LinkedSite;
import dev.specsite.link.Linker;
import dev.specsite.model.SourceFile;
import dev.specsite.parse.ParsedSpec;
import dev.specsite.parse.SpecParser;
import dev.specsite.render.RenderState;
import dev.specsite.site.BuildListener;
import dev.specsite.site.SiteBuilder;
import dev.specsite.site.SiteFiles;

/**
 * The link stage's state as the command line keeps it in its build cache: it reads back as it was
 * written, the state taken back links as the state that made it does (fully and after an edit, with
 * the same specs resolved again), and a cache whose files are not all of one save gives none (the
 * build then links every spec).
 */
class LinkMemoryTest {

    @TempDir
    Path tmp;

    /** The spec repositories to try: content/ and, where present, the Rust RFCs. */
    private static List<Path> repositories() {
        List<Path> out = new ArrayList<>(List.of(TestSites.projectRoot().resolve("content")));
        Path corpora = TestSites.corpora();
        if (corpora != null && Files.isDirectory(corpora.resolve("rust-rfcs"))) {
            out.add(corpora.resolve("rust-rfcs"));
        } else {
            System.out.println("LinkMemoryTest: ../shared/corpora/rust-rfcs absent; content/ only");
        }
        return out;
    }

    private static List<ParsedSpec> parse(SpecParser parser, Path root) throws IOException {
        List<ParsedSpec> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String path = root.relativize(f).toString().replace('\\', '/');
                String text = Files.readString(f);
                out.add(parser.parse(new SourceFile(path, text, "h" + text.hashCode())));
            }
        }
        return out;
    }

    @Test
    void aLinkerThatTakesTheMemoryBackLinksAsTheOneThatMadeIt() throws IOException {
        for (Path root : repositories()) {
            SiteConfig config = TestSites.config(root, tmp.resolve("out"));
            SpecParser parser = new SpecParser(config);
            List<ParsedSpec> parsed = parse(parser, root);
            Linker linker = new Linker(config);
            Linker.Run run = linker.run(parsed, List.of(), List.of(), Map.of(), null);
            LinkedSite first = run.site();
            assertTrue(run.tablesMade(), "a first run makes the tables");
            assertEquals(parsed.size(), run.resolvedAgain().size(), "and resolves every spec");
            LinkMemory memory = run.state().memory(new IdentityHashMap<>(), new IdentityHashMap<>());

            // through the cache's files and back
            BuildCache cache = new BuildCache("key");
            Map<String, ParsedSpec> byPath = new TreeMap<>();
            parsed.forEach(p -> byPath.put(p.spec().source(), p));
            Path out = tmp.resolve("cache-" + root.getFileName());
            cache.save(out, new Snapshot("key", Map.of(), byPath, null, run.state(), null, RenderState.NONE));
            BuildCache loaded = BuildCache.load(out, "key");
            LinkMemory read = loaded.linkMemory();
            assertNotNull(read, root + ": the link memory reads back");
            assertEquals(memory.tables(), read.tables(), root + ": tables");
            assertEquals(memory.entries().keySet(), read.entries().keySet(), root + ": entries");
            memory.entries().forEach((source, e) -> assertEquals(e, read.entries().get(source), root + ": " + source));
            assertEquals(memory, read, root + ": the whole memory");

            LinkState made = run.state();
            LinkState again = LinkState.of(read, parsed, config, new IdentityHashMap<>());
            assertNotNull(again, root + ": the memory fits its parse results");
            assertEquals(List.copyOf(made.linked()), List.copyOf(again.linked()), root + ": linked specs");

            // an edit of one spec's body, a retitled spec, then a new spec: both linkers, and a fresh one, agree
            List<ParsedSpec> now = new ArrayList<>(parsed);
            for (int step = 0; step < 3; step++) {
                int i = (step * 7 + 3) % now.size();
                ParsedSpec p = now.get(i);
                String text = Files.readString(root.resolve(p.spec().source()));
                String edited = switch (step) {
                    case 0 -> text + "\nAn added paragraph mentioning " + now.get(0).spec().id() + ".\n";
                    case 1 -> text.replaceFirst("(?m)^# .*$", "# Retitled in step " + step);
                    default -> text;
                };
                if (step == 2) {
                    now.add(parser.parse(new SourceFile("zz-new.md", "# A new spec\n\nSee " + now.get(1).spec().id()
                            + ".\n", "hnew")));
                } else {
                    now.set(i, parser.parse(new SourceFile(p.spec().source(), edited, "h" + edited.hashCode())));
                }
                Linker.Run a = linker.run(now, List.of(), List.of(), Map.of(), made);
                Linker.Run b = linker.run(now, List.of(), List.of(), Map.of(), again);
                LinkedSite full = new Linker(config).link(now, List.of(), List.of());
                assertEquals(full, a.site(), root + ", step " + step + ": from the state that made the memory");
                assertEquals(full, b.site(), root + ", step " + step + ": from the state taken back");
                assertEquals(a.tablesMade(), b.tablesMade(), root + ", step " + step + ": the same path");
                assertEquals(a.resolvedAgain(), b.resolvedAgain(), root + ", step " + step + ": the same work");
                if (step == 0) {
                    assertFalse(a.tablesMade(), root + ": an edit of a body keeps the tables");
                    assertEquals(List.of(p.spec().source()), a.resolvedAgain(), root + ": and resolves the edited spec alone");
                }
                made = a.state();
                again = b.state();
            }
            assertEquals(first.specs().size() + 1, made.linked().size());
        }
    }

    @Test
    void aMemoryThatDoesNotFitItsParseResultsIsRefused() throws IOException {
        Path root = TestSites.projectRoot().resolve("content");
        SiteConfig config = TestSites.config(root, tmp.resolve("out"));
        SpecParser parser = new SpecParser(config);
        List<ParsedSpec> parsed = parse(parser, root);
        LinkState made = new Linker(config).run(parsed, List.of(), List.of(), Map.of(), null).state();
        LinkMemory memory = made.memory(new IdentityHashMap<>(), new IdentityHashMap<>());
        assertNull(LinkState.of(memory, parsed.subList(1, parsed.size()), config, new IdentityHashMap<>()), "a spec fewer");
        assertNotNull(LinkState.of(memory, parsed, config, new IdentityHashMap<>()), "the specs it was made of");
    }

    @Test
    void aCacheWhoseFilesAreNotOfOneSaveGivesNoLinkMemory() throws IOException {
        Path src = tmp.resolve("src");
        TestSites.copyTree(TestSites.projectRoot().resolve("content"), src);
        Path out = tmp.resolve("site");
        new SiteBuilder(TestSites.config(src, out), BuildListener.SILENT).build(true);
        Path dir = out.resolve(BuildCache.DIR);
        assertTrue(Files.isRegularFile(dir.resolve(BuildCache.LINKS)));
        Map<String, byte[]> before = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                before.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        // a second build after an edit rewrites the shard of the edited spec, then the generations
        Path edited = src.resolve("core/repository-scanning.md");
        Files.writeString(edited, Files.readString(edited) + "\nAn added paragraph mentioning SPEC-002.\n");
        new SiteBuilder(TestSites.config(src, out), BuildListener.SILENT).build(true);
        String key = keyOf(out);
        BuildCache whole = BuildCache.load(out, key);
        assertNotNull(whole.linkMemory(), "a cache of one save has its link memory");
        assertTrue(whole.renderedWithLinks());

        // as if the save had stopped before the generations: the old ones name other shards
        byte[] generations = Files.readAllBytes(dir.resolve(BuildCache.GENERATIONS));
        Files.write(dir.resolve(BuildCache.GENERATIONS), before.get(BuildCache.GENERATIONS));
        BuildCache cut = BuildCache.load(out, key);
        assertNull(cut.linkMemory(), "shards of another save than the generations name");
        assertFalse(cut.renderedWithLinks());
        assertEquals(whole.parsed.keySet(), cut.parsed.keySet(), "the parse results are still of use");

        // damaged tables
        Files.write(dir.resolve(BuildCache.GENERATIONS), generations);
        assertNotNull(BuildCache.load(out, key).linkMemory(), "the generations of the last save again");
        byte[] tables = Files.readAllBytes(dir.resolve(BuildCache.LINKS));
        Files.write(dir.resolve(BuildCache.LINKS), java.util.Arrays.copyOf(tables, tables.length / 2));
        assertNull(BuildCache.load(out, key).linkMemory(), "half a tables file");

        // and the next build, linking every spec, still makes the site a full build makes, and a whole cache
        Files.writeString(edited, Files.readString(edited) + "\nAnother paragraph.\n");
        new SiteBuilder(TestSites.config(src, out), BuildListener.SILENT).build(true);
        Path full = tmp.resolve("full");
        new SiteBuilder(TestSites.config(src, full), BuildListener.SILENT, false).build(true);
        SiteFiles.assertSame(SiteFiles.of(full), SiteFiles.of(out), "command-line build after a cut-short save");
        assertNotNull(BuildCache.load(out, key).linkMemory());
    }

    /** The key the cache was written under (read from a shard: the test cannot make the builder's). */
    private static String keyOf(Path out) throws IOException {
        return CacheCodec.read(Files.readAllBytes(out.resolve(BuildCache.DIR).resolve("0.bin"))).key();
    }
}
