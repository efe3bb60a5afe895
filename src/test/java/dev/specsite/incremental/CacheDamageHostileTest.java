package dev.specsite.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.TestSites;
import dev.specsite.site.BuildListener;
import dev.specsite.site.GitTest;
import dev.specsite.site.BuildResult;
import dev.specsite.site.SiteBuilder;
import dev.specsite.site.SiteFiles;
import dev.specsite.diag.Diagnostic;
import dev.specsite.diag.Severity;

/**
 * Attack: damage to the build cache (a flipped bit on disk) used to give a silently wrong site (a
 * wrong link target, a missing backlink, a build that failed on a date) that stayed wrong until the
 * cache was deleted. Now every single-bit flip, in every cache file, at positions spread over it,
 * gives the very bytes of a clean build, an info diagnostic naming each damaged file, and a cache that
 * is whole again after that build.
 * <p>
 * The site is {@code content/} in a Git repository (so that the Git history's file is used too),
 * built as the command line builds it (a new builder reading the cache of the last one).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one site for all: each case restores the output folder first
class CacheDamageHostileTest {

    /** Flips in every file when all are damaged at once (positions spread over each file). */
    private static final int SPREAD = 32;

    @TempDir
    static Path tmp;

    private Path src;
    private Path out;
    /** The files of a clean build of the sources, but for its cache. */
    private Map<String, byte[]> clean;
    /** Every file of the output folder after a build and a rebuild (the cache as one leaves it). */
    private Map<String, byte[]> pristine;
    /** The cache files, as output paths. */
    private List<String> cacheFiles;
    private final Random random = new Random(16);

    @BeforeAll
    void site() throws Exception {
        src = tmp.resolve("src");
        TestSites.copyTree(TestSites.projectRoot().resolve("content"), src);
        GitTest.git(src, "init", "-q");
        GitTest.git(src, "add", "-A");
        GitTest.git(src, "commit", "-q", "-m", "first");
        clean = cleanBuild();
        out = tmp.resolve("out");
        build();
        build();
        pristine = all(out);
        cacheFiles = pristine.keySet().stream().filter(k -> k.startsWith(BuildCache.DIR + "/")).toList();
        assertEquals(BuildCache.SHARDS + 4, cacheFiles.size(), "64 shards, links, generations, rendered, git: " + cacheFiles);
    }

    /** Every file at once, each at {@value #SPREAD} positions spread over it (one build each). */
    @Test
    void everyCacheFileFlippedAtSpreadPositionsGivesTheCleanSite() throws IOException {
        for (int k = 0; k < SPREAD; k++) {
            restore();
            Map<String, String> flips = new TreeMap<>();
            for (String f : cacheFiles) {
                flips.put(f, flip(f, k, SPREAD));
            }
            assertCleanAndNamed(rebuild(), flips.keySet(), "round " + k + " " + flips);
        }
    }

    /**
     * One file alone, at positions spread over it: the rest of the cache is used (a damaged shard
     * drops its specs' parse results and the link memory; the link tables, the generations and the
     * render digests drop what depends on them), and the next build finds the cache whole.
     */
    @Test
    void oneDamagedFileDropsWhatDependsOnItAndTheNextBuildHealsIt() throws IOException {
        List<String> alone = new java.util.ArrayList<>(List.of(BuildCache.DIR + "/" + BuildCache.GENERATIONS,
                BuildCache.DIR + "/" + BuildCache.GIT, BuildCache.DIR + "/" + BuildCache.LINKS,
                BuildCache.DIR + "/" + BuildCache.RENDERED));
        alone.addAll(largestShards(2));
        for (String f : alone) {
            for (int k = 0; k < 4; k++) {
                restore();
                String where = flip(f, k, 4);
                assertCleanAndNamed(rebuild(), Set.of(f), where);
                if (k == 0) {
                    BuildResult again = rebuild();
                    assertCleanAndNamed(again, Set.of(), "the build after " + where);
                    BuildCache healed = BuildCache.load(out, cacheKey());
                    assertTrue(healed.damage().isEmpty(), where);
                    assertNotNull(healed.linkMemory(), "the link memory is whole again after " + where);
                    assertTrue(healed.renderedWithLinks(), "so are the render digests, after " + where);
                }
            }
        }
    }

    /** A damaged cache and an edited source: the site of the edited sources. */
    @Test
    void aRebuildAfterAnEditWithADamagedCacheGivesTheEditedSite() throws Exception {
        Path f = src.resolve("core/repository-scanning.md"); // SPEC-001, which other specs link to
        String text = Files.readString(f);
        String edited = text.replaceFirst("(?m)^# (.*)$", "# $1, retitled")
                + "\nA paragraph added at the end, naming SPEC-002 and [the search](../site/search.md).\n";
        Files.writeString(f, edited);
        Map<String, byte[]> expected = cleanBuild();
        Files.writeString(f, text);
        String shard = BuildCache.DIR + "/" + BuildCache.shard("core/repository-scanning.md") + ".bin";
        for (String damaged : List.of(shard, BuildCache.DIR + "/" + BuildCache.GENERATIONS,
                BuildCache.DIR + "/" + BuildCache.GIT, BuildCache.DIR + "/" + BuildCache.LINKS,
                BuildCache.DIR + "/" + BuildCache.RENDERED, largestShards(1).get(0))) {
            restore();
            String where = flip(damaged, 1, 3);
            Files.writeString(f, edited);
            BuildResult r = rebuild();
            Files.writeString(f, text);
            assertNamed(r, Set.of(damaged), where);
            SiteFiles.assertSame(expected, SiteFiles.of(out), "site after an edit, with " + where);
        }
    }

    // ---------------------------------------------------------------- helpers

    private void assertCleanAndNamed(BuildResult r, Set<String> damaged, String what) throws IOException {
        assertNamed(r, damaged, what);
        SiteFiles.assertSame(clean, SiteFiles.of(out), "site with " + what);
    }

    /** Exactly the damaged files are named by an info diagnostic. */
    private void assertNamed(BuildResult r, Set<String> damaged, String what) {
        List<Diagnostic> ds = r.diagnostics().stream().filter(d -> d.code().equals(BuildCache.DAMAGED)).toList();
        assertTrue(ds.stream().allMatch(d -> d.severity() == Severity.INFO), ds.toString());
        String prefix = out.toAbsolutePath().normalize().toString().replace('\\', '/') + "/";
        Set<String> named = ds.stream().map(d -> d.file().startsWith(prefix) ? d.file().substring(prefix.length())
                : d.file()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(damaged), named, "files named damaged, " + what);
        for (Diagnostic d : ds) {
            String name = d.file().substring(d.file().lastIndexOf('/') + 1);
            assertTrue(d.message().contains(name), d.format());
        }
    }

    /** Flips one bit in the k-th of n equal stretches of a cache file; says where. */
    private String flip(String file, int k, int n) throws IOException {
        byte[] b = pristine.get(file).clone();
        int stretch = Math.max(1, b.length / n);
        int pos = Math.min(b.length - 1, (int) ((long) k * b.length / n) + random.nextInt(stretch));
        int bit = random.nextInt(8);
        b[pos] ^= (byte) (1 << bit);
        Files.write(out.resolve(file), b);
        return file + " byte " + pos + " bit " + bit;
    }

    private List<String> largestShards(int n) {
        return cacheFiles.stream().filter(f -> f.matches(".*/\\d+\\.bin"))
                .sorted((a, b) -> Integer.compare(pristine.get(b).length, pristine.get(a).length)).limit(n).toList();
    }

    private Map<String, byte[]> cleanBuild() throws IOException {
        Path dir = Files.createTempDirectory(tmp, "clean");
        new SiteBuilder(TestSites.config(src, dir), BuildListener.SILENT, false).build(true);
        return SiteFiles.of(dir);
    }

    private BuildResult build() throws IOException {
        return new SiteBuilder(TestSites.config(src, out), BuildListener.SILENT).build(true);
    }

    private BuildResult rebuild() throws IOException {
        return build();
    }

    /** The key the builds use (read from a sound shard). */
    private String cacheKey() throws IOException {
        return CacheCodec.read(Files.readAllBytes(out.resolve(largestShards(1).get(0)))).key();
    }

    /** Puts the output folder back as {@link #pristine} holds it. */
    private void restore() throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (!pristine.containsKey(out.relativize(p).toString().replace('\\', '/'))) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, byte[]> e : pristine.entrySet()) {
            Path p = out.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
    }

    private static Map<String, byte[]> all(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
