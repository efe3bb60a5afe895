package dev.specsite.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.TestSites;
import dev.specsite.config.ConfigLoader;
import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.render.TemplateFailure;

/**
 * Attacks on the writer: output folders that are links to the source, its parent, the root or the
 * home folder; links planted inside the output folder (written through, or named by the manifest
 * for deletion); a 3 GB attachment; a failing first build; theme assets published with a site that
 * failed. Each asserts the safe outcome. The site is {@code hostile/writer/site}; links are made here.
 */
class WriterHostileTest {

    @TempDir
    Path dir;

    private Path site() throws IOException {
        Path src = dir.resolve("proj/src");
        TestSites.copyTree(TestSites.projectRoot().resolve("src/test/resources/hostile/writer/site"), src);
        return src;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static BuildResult build(Path src, Path out) throws IOException {
        return new SiteBuilder(TestSites.config(src, out), BuildListener.SILENT).build(true);
    }

    @Test
    void anOutputFolderLinkedToTheSourceOrItsParentIsRefusedAndNothingIsWritten() throws IOException {
        Path src = site();
        Path toParent = Files.createSymbolicLink(dir.resolve("out-parent"), dir.resolve("proj"));
        Path toSource = Files.createSymbolicLink(dir.resolve("out-source"), src);
        UnsafeOutputException e = assertThrows(UnsafeOutputException.class, () -> build(src, toParent));
        assertTrue(e.getMessage().contains("contains the source folder"), e.getMessage());
        e = assertThrows(UnsafeOutputException.class, () -> build(src, toSource));
        assertTrue(e.getMessage().contains("contains the source folder"), e.getMessage());
        // below a link to the source's parent, a folder not made yet is resolved through its ancestor
        Path below = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("proj"));
        assertThrows(UnsafeOutputException.class, () -> build(src, below.resolve("src/../src")));
        assertEquals(List.of("src"), names(dir.resolve("proj")), "nothing written beside the source");
        assertEquals(List.of("a.md", "b.md"), names(src), "nothing written into the source");
    }

    @Test
    void anOutputFolderLinkedToTheRootOrTheHomeFolderIsRefused() throws IOException {
        Path src = site();
        Path root = Files.createSymbolicLink(dir.resolve("root"), Path.of("/"));
        UnsafeOutputException e = assertThrows(UnsafeOutputException.class, () -> SiteWriter.checkSafe(root, src, null));
        assertTrue(e.getMessage().contains("file system root"), e.getMessage());
        Path home = Files.createSymbolicLink(dir.resolve("home"), Path.of(System.getProperty("user.home")));
        e = assertThrows(UnsafeOutputException.class, () -> SiteWriter.checkSafe(home, src, null));
        assertTrue(e.getMessage().contains("home folder"), e.getMessage());
        Path project = dir.resolve("proj");
        Path toProject = Files.createSymbolicLink(dir.resolve("to-project"), project);
        e = assertThrows(UnsafeOutputException.class, () -> SiteWriter.checkSafe(toProject, dir.resolve("elsewhere"), project));
        assertTrue(e.getMessage().contains("contains the project folder"), e.getMessage());
        Path broken = Files.createSymbolicLink(dir.resolve("broken"), dir.resolve("nowhere"));
        assertThrows(UnsafeOutputException.class, () -> SiteWriter.checkSafe(broken.resolve("site"), src, null));
        assertFalse(Files.exists(dir.resolve("nowhere")));
        SiteWriter.checkSafe(dir.resolve("site"), src, project); // an ordinary folder beside them is fine
        Files.delete(root); // links out of the temporary folder: removed here, so JUnit need not warn
        Files.delete(home);
    }

    @Test
    void aLinkInsideTheOutputFolderIsNeverWrittenThroughNorDeletedThrough() throws IOException {
        Path src = site();
        Path out = dir.resolve("out");
        build(src, out);
        byte[] index = Files.readAllBytes(out.resolve("index.html"));
        Path victim = Files.createDirectories(dir.resolve("victim"));
        Files.writeString(victim.resolve("keep.txt"), "keep");
        PublishJournal.deleteTree(out.resolve("specs"));
        Files.createSymbolicLink(out.resolve("specs"), Path.of("../victim"));
        Files.writeString(out.resolve(SiteWriter.MANIFEST), "specs/keep.txt\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(src.resolve("b.md"), Files.readString(src.resolve("b.md")) + "\nEdited.\n");

        IOException e = assertThrows(IOException.class, () -> build(src, out));
        assertTrue(e.getMessage().contains("refusing to write through the symbolic link " + out.resolve("specs")),
                e.getMessage());
        assertEquals(List.of("keep.txt"), names(victim), "nothing written into, nothing deleted from the link's target");
        assertEquals("keep", Files.readString(victim.resolve("keep.txt")));
        assertArrayEquals(index, Files.readAllBytes(out.resolve("index.html")), "the previous site is left as it was");
        assertFalse(Files.exists(out.resolve(SiteWriter.STAGING)));
    }

    @Test
    void aManifestNamingFilesThroughALinkOrOutsideDeletesNothingAndSaysSo() throws IOException {
        Path src = site();
        Path out = dir.resolve("out");
        build(src, out);
        Path victim = Files.createDirectories(dir.resolve("victim"));
        Files.writeString(victim.resolve("keep.txt"), "keep");
        Files.writeString(dir.resolve("beside.txt"), "keep");
        Files.createSymbolicLink(out.resolve("old"), Path.of("../victim"));
        Files.createSymbolicLink(out.resolve("old.html"), victim.resolve("keep.txt"));
        Files.writeString(out.resolve(SiteWriter.MANIFEST), "old/keep.txt\nold.html\n../beside.txt\n"
                + dir.resolve("beside.txt") + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        BuildResult r = build(src, out);
        assertEquals("keep", Files.readString(victim.resolve("keep.txt")));
        assertEquals("keep", Files.readString(dir.resolve("beside.txt")));
        assertTrue(Files.isSymbolicLink(out.resolve("old.html")), "a link is no file of ours: left alone");
        List<Diagnostic> kept = r.diagnostics().stream().filter(d -> d.code().equals("stale-file-kept")).toList();
        assertEquals(4, kept.size(), kept.toString());
        assertTrue(kept.stream().allMatch(d -> d.file().equals(out.resolve(SiteWriter.MANIFEST).toString())), kept.toString());
        assertTrue(Files.isRegularFile(out.resolve("specs/SPEC-1.html")));
    }

    @Test
    void aLockFileLinkedElsewhereIsNotFollowed() throws IOException {
        Path src = site();
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve(SiteWriter.LOCK), dir.resolve("created-by-lock"));
        assertThrows(IOException.class, () -> build(src, out));
        assertFalse(Files.exists(dir.resolve("created-by-lock")), "no file made through the link");
    }

    @Test
    void aHugeAttachmentIsSkippedWithAWarningAndASmallOneIsCopied() throws IOException {
        Path src = site();
        try (RandomAccessFile big = new RandomAccessFile(src.resolve("big.bin").toFile(), "rw")) {
            big.setLength(3L << 30); // sparse: no disk used
        }
        byte[] diagram = new byte[1 << 20];
        new Random(16).nextBytes(diagram);
        Files.write(src.resolve("diagram.bin"), diagram);
        Path out = dir.resolve("out");

        BuildResult r = build(src, out);
        List<String> tooLarge = r.diagnostics().stream().filter(d -> d.code().equals("file-too-large"))
                .map(Diagnostic::format).toList();
        assertEquals(List.of("big.bin:1:1: warning: attachment not copied: it is 3221225472 bytes, over the limit of "
                + TestSites.config(src, out).maxFileBytes() + " [file-too-large]"), tooLarge);
        assertFalse(Files.exists(out.resolve(dev.specsite.link.Urls.file("big.bin"))));
        assertArrayEquals(diagram, Files.readAllBytes(out.resolve(dev.specsite.link.Urls.file("diagram.bin"))));
        Document page = Jsoup.parse(out.resolve("specs/SPEC-1.html").toFile(), "UTF-8");
        assertEquals("Attachments", page.select("h1").text().replaceFirst("^SPEC-1:?\\s*", ""), "the spec keeps its page");

        BuildResult again = build(src, out);
        assertEquals(0, again.written(), "an unchanged attachment is compared, not copied again");
        assertArrayEquals(diagram, Files.readAllBytes(out.resolve(dev.specsite.link.Urls.file("diagram.bin"))));
    }

    @Test
    void aFailedFirstBuildLeavesNothingItWrote() throws IOException {
        Path src = site();
        Path proj = dir.resolve("proj");
        Path templates = Files.createDirectories(proj.resolve("themes/default/templates"));
        try (Stream<Path> s = Files.list(TestSites.projectRoot().resolve("themes/default/templates"))) {
            for (Path t : s.toList()) {
                Files.copy(t, templates.resolve(t.getFileName().toString()));
            }
        }
        TestSites.copyTree(TestSites.projectRoot().resolve("themes/default/assets"), proj.resolve("themes/default/assets"));
        Files.writeString(proj.resolve("themes/default/assets/css/extra.css"), "body{}");
        Path out = dir.resolve("out");
        SiteConfig config = ConfigLoader.load(null, proj, src, out);
        assertEquals(proj.resolve("themes/default/assets").toAbsolutePath().normalize(), config.assetDir());

        Files.writeString(templates.resolve("status.ftlh"), "<#import \"layout.ftlh\" as l>${content.noSuchField}");
        assertThrows(TemplateFailure.class, () -> new SiteBuilder(config, BuildListener.SILENT).build(true));
        assertEquals(List.of(SiteWriter.LOCK), names(out), "no page, no theme asset, no manifest left");

        Files.copy(TestSites.projectRoot().resolve("themes/default/templates/status.ftlh"), templates.resolve("status.ftlh"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        new SiteBuilder(config, BuildListener.SILENT).build(true);
        assertEquals("body{}", Files.readString(out.resolve("css/extra.css")));
        assertTrue(Files.readAllLines(out.resolve(SiteWriter.MANIFEST)).contains("css/extra.css"),
                "theme assets are listed in the manifest like every file of the site");
        Map<String, byte[]> whole = SiteFiles.of(out);

        // a failing rebuild publishes none of the theme's changed assets either
        Files.writeString(proj.resolve("themes/default/assets/css/extra.css"), "body{color:red}");
        Files.writeString(templates.resolve("status.ftlh"), "<#import \"layout.ftlh\" as l>${content.noSuchField}");
        assertThrows(TemplateFailure.class, () -> new SiteBuilder(ConfigLoader.load(null, proj, src, out),
                BuildListener.SILENT).build(true));
        SiteFiles.assertSame(whole, SiteFiles.of(out), "site after a failed rebuild");
    }
}
