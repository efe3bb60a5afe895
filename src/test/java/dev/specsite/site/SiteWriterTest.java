package dev.specsite.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.TestSites;
import dev.specsite.render.Output;
import dev.specsite.render.TemplateFailure;

class SiteWriterTest {

    static Output out(String path, String text) {
        return new Output(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesOnlyChangedFilesAndRemovesOnlyItsOwnStaleFiles(@TempDir Path dir) throws IOException {
        SiteWriter w = new SiteWriter(dir);
        Files.writeString(dir.resolve("keep-me.txt"), "not ours");
        SiteWriter.Stats first = w.write(List.of(out("a.html", "A"), out("specs/b.html", "B")), Map.of(), List.of());
        assertEquals(2, first.written());
        SiteWriter.Stats second = w.write(List.of(out("a.html", "A"), out("c.html", "C")), Map.of(), List.of());
        assertEquals(1, second.written());
        assertEquals(1, second.unchanged());
        assertEquals(1, second.deleted());
        assertFalse(Files.exists(dir.resolve("specs")), "emptied folders go too");
        assertTrue(Files.exists(dir.resolve("keep-me.txt")), "files specsite did not write are never deleted");
    }

    @Test
    void oneBuildAtATimeWritesIntoAFolder(@TempDir Path dir) throws IOException {
        Path site = dir.resolve("site");
        try (SiteWriter.Lock held = SiteWriter.lock(site)) {
            SiteWriter.BuildLockedException e = assertThrows(SiteWriter.BuildLockedException.class, () -> SiteWriter.lock(site));
            assertTrue(e.getMessage().contains("another specsite build is writing into " + site.toAbsolutePath()), e.getMessage());
        }
        try (SiteWriter.Lock again = SiteWriter.lock(site)) {
            // released with the first build
            SiteWriter.Stats s = new SiteWriter(site).write(List.of(out("a.html", "A")), Map.of(), List.of());
            assertEquals(1, s.written());
        }
        assertEquals(List.of("a.html"), Files.readAllLines(site.resolve(SiteWriter.MANIFEST)), "the lock file is no page");
    }

    @Test
    void aBuildIntoALockedFolderFailsAndLeavesItAsItWas(@TempDir Path dir) throws IOException {
        Path src = TestSites.write(dir.resolve("src"), """
                -- a.md --
                # SPEC-1: One
                - **Status**: Draft
                """);
        Path out = dir.resolve("out");
        dev.specsite.config.SiteConfig config = TestSites.config(src, out);
        new SiteBuilder(config, BuildListener.SILENT).build(true);
        byte[] page = Files.readAllBytes(out.resolve("specs/SPEC-1.html"));
        Files.writeString(src.resolve("a.md"), "# SPEC-1: One, renamed\n- **Status**: Draft\n");
        try (SiteWriter.Lock held = SiteWriter.lock(out)) {
            assertThrows(SiteWriter.BuildLockedException.class, () -> new SiteBuilder(config, BuildListener.SILENT).build(true));
        }
        assertArrayEquals(page, Files.readAllBytes(out.resolve("specs/SPEC-1.html")));
        new SiteBuilder(config, BuildListener.SILENT).build(true);
        assertTrue(Files.readString(out.resolve("specs/SPEC-1.html")).contains("One, renamed"));
    }

    @Test
    void neverWritesOutsideTheOutputFolder(@TempDir Path dir) {
        SiteWriter w = new SiteWriter(dir.resolve("site"));
        assertThrows(IOException.class, () -> w.write(List.of(out("../escape.html", "x")), Map.of(), List.of()));
        assertFalse(Files.exists(dir.resolve("escape.html")));
    }

    @Test
    void unsafeOutputFoldersAreRefused(@TempDir Path dir) {
        Path src = dir.resolve("content");
        assertThrows(UnsafeOutputException.class, () -> SiteWriter.checkSafe(dir, src, null));
        assertThrows(UnsafeOutputException.class, () -> SiteWriter.checkSafe(src, src, null));
        assertThrows(UnsafeOutputException.class, () -> SiteWriter.checkSafe(Path.of("/"), src, null));
        SiteWriter.checkSafe(dir.resolve("site"), src, null);
    }

    @Test
    void aFailingThemeLeavesThePreviousSiteIntact(@TempDir Path dir) throws IOException {
        Path src = TestSites.write(dir.resolve("src"), "-- a.md --\n# SPEC-1: A\n");
        Path out = dir.resolve("site");
        new SiteBuilder(TestSites.config(src, out), BuildListener.SILENT).build(true);
        byte[] before = Files.readAllBytes(out.resolve("index.html"));

        Path theme = dir.resolve("theme");
        Files.createDirectories(theme);
        try (var files = Files.list(TestSites.projectRoot().resolve("themes/default/templates"))) {
            for (Path t : files.toList()) {
                Files.copy(t, theme.resolve(t.getFileName().toString()));
            }
        }
        Files.writeString(theme.resolve("spec.ftlh"), "<#import \"layout.ftlh\" as l>${content.noSuchField}");
        Files.writeString(src.resolve("a.md"), "# SPEC-1: Changed\n");
        var config = TestSites.config(src, out);
        var broken = new dev.specsite.config.SiteConfig(config.projectDir(), config.sourceDir(), config.outputDir(),
                theme, config.assetDir(), config.title(), config.description(), config.siteHost(),
                config.repositoryUrl(), config.statuses(), config.fields(), config.requirementIds(), config.excludes(),
                config.sidecars(), config.recentCount(), config.maxFileBytes(), config.values());
        TemplateFailure f = assertThrows(TemplateFailure.class,
                () -> new SiteBuilder(broken, BuildListener.SILENT).build(true));
        assertTrue(f.diagnostic().file().endsWith("spec.ftlh"));
        assertEquals(1, f.diagnostic().line());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("index.html"))));
        assertTrue(Files.readString(out.resolve("specs/SPEC-1.html")).contains(">A<"));
    }

    @Test
    void aFailedBuildIntoAnEmptyFolderLeavesItEmpty(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("site");
        Files.createDirectories(out);
        SiteWriter w = new SiteWriter(out);
        try (SiteWriter.Session s = w.begin()) {
            s.accept(out("a.html", "A"));
            s.accept(out("specs/b.html", "B"));
            // no commit: the build failed
        }
        try (var files = Files.list(out)) {
            assertEquals(List.of(), files.toList());
        }
    }
}
