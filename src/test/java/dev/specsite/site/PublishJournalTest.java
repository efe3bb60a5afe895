package dev.specsite.site;

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
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.render.Output;

/**
 * The repair of a commit that a build left half done: a journal is rolled forward by the next
 * session, whatever step the build died at; staged files without a journal (a build killed before
 * its commit) are dropped; a killed first build leaves no stray page.
 */
class PublishJournalTest {

    @TempDir
    Path root;

    private static Output out(String path, String text) {
        return new Output(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, String> files() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return m;
    }

    /** An old site, and a new one staged with its journal, as a build writes them just before its renames. */
    private PublishJournal staged() throws IOException {
        new SiteWriter(root).write(List.of(out("index.html", "old index"), out("specs/a.html", "old a"),
                out("specs/stale.html", "stale")), Map.of(), List.of());
        Path staging = Files.createDirectories(root.resolve(SiteWriter.STAGING));
        Files.createDirectories(staging.resolve("specs/new"));
        Files.writeString(staging.resolve("specs/new/c.html"), "new c");
        Files.writeString(staging.resolve("specs/a.html"), "new a");
        Files.writeString(staging.resolve("index.html"), "new index");
        Files.writeString(staging.resolve(SiteWriter.MANIFEST), "index.html\nspecs/a.html\nspecs/new/c.html\n");
        PublishJournal j = new PublishJournal(List.of("specs/new/c.html", "index.html", "specs/a.html",
                SiteWriter.MANIFEST), List.of("specs/stale.html"));
        j.write(root);
        return j;
    }

    private static final Map<String, String> NEW_SITE = Map.of("index.html", "new index", "specs/a.html", "new a",
            "specs/new/c.html", "new c", SiteWriter.MANIFEST, "index.html\nspecs/a.html\nspecs/new/c.html\n");

    @Test
    void aJournalLeftBeforeAnyRenameIsRolledForwardByTheNextSession() throws IOException {
        staged();
        new SiteWriter(root).begin().close();
        assertEquals(NEW_SITE, files());
        assertFalse(Files.exists(root.resolve("specs/stale.html")));
        assertFalse(Files.exists(root.resolve(SiteWriter.STAGING)));
        assertFalse(Files.exists(root.resolve(PublishJournal.NAME)));
    }

    @Test
    void aJournalLeftHalfDoneIsFinished() throws IOException {
        staged();
        // the build died after two renames
        Files.createDirectories(root.resolve("specs/new"));
        Files.move(root.resolve(SiteWriter.STAGING + "/specs/new/c.html"), root.resolve("specs/new/c.html"));
        Files.move(root.resolve(SiteWriter.STAGING + "/index.html"), root.resolve("index.html"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(PublishJournal.recover(new OutputTree(root), root.resolve(SiteWriter.STAGING)));
        assertEquals(NEW_SITE, files());
    }

    @Test
    void aJournalLeftAfterTheRenamesRemovesTheStaleFilesAndIsIdempotent() throws IOException {
        PublishJournal j = staged();
        OutputTree tree = new OutputTree(root);
        Path staging = root.resolve(SiteWriter.STAGING);
        for (String m : j.moves()) {
            Files.createDirectories(root.resolve(m).getParent());
            Files.move(staging.resolve(m), root.resolve(m), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertTrue(PublishJournal.recover(tree, staging));
        assertEquals(NEW_SITE, files());
        j.write(root); // the same journal again: nothing left to do, nothing wrong done
        assertTrue(PublishJournal.recover(tree, staging));
        assertEquals(NEW_SITE, files());
    }

    @Test
    void stagedFilesWithoutAJournalAreDroppedAndTheOldSiteKept() throws IOException {
        staged();
        Files.delete(root.resolve(PublishJournal.NAME));
        Files.writeString(root.resolve(PublishJournal.NAME + ".tmp"), "specsite-journal 1\nM index.html\n");
        Map<String, String> old = Map.of("index.html", "old index", "specs/a.html", "old a", "specs/stale.html", "stale",
                SiteWriter.MANIFEST, "index.html\nspecs/a.html\nspecs/stale.html\n");
        new SiteWriter(root).begin().close();
        assertEquals(old, files(), "a journal cut off before its rename is no journal");
    }

    @Test
    void aKilledFirstBuildLeavesNoStrayPageAndTheNextBuildIsAFirstOneAgain() throws IOException {
        // killed while staging: the output folder holds the staging folder only
        Path staging = Files.createDirectories(root.resolve(SiteWriter.STAGING + "/specs"));
        Files.writeString(staging.resolve("a.html"), "half");
        SiteWriter.Stats s;
        try (SiteWriter.Session session = new SiteWriter(root).begin()) {
            assertTrue(session.fresh(), "the dropped staging folder leaves the output folder empty");
            session.accept(out("index.html", "i"));
            session.accept(out("specs/b.html", "b"));
            s = session.commit(List.of());
        }
        assertEquals(Map.of("index.html", "i", "specs/b.html", "b", SiteWriter.MANIFEST, "index.html\nspecs/b.html\n"),
                files());
        assertEquals(3, s.renames(), "into an empty folder each top-level entry moves whole (and the manifest)");
    }

    @Test
    void aKilledFirstBuildDuringItsRenamesIsFinished() throws IOException {
        Path staging = Files.createDirectories(root.resolve(SiteWriter.STAGING + "/specs"));
        Files.writeString(staging.resolve("a.html"), "a");
        Files.writeString(root.resolve(SiteWriter.STAGING + "/index.html"), "i");
        Files.writeString(root.resolve(SiteWriter.STAGING + "/" + SiteWriter.MANIFEST), "index.html\nspecs/a.html\n");
        new PublishJournal(List.of("index.html", "specs", SiteWriter.MANIFEST), List.of()).write(root);
        Files.move(root.resolve(SiteWriter.STAGING + "/index.html"), root.resolve("index.html"));
        new SiteWriter(root).begin().close();
        assertEquals(Map.of("index.html", "i", "specs/a.html", "a", SiteWriter.MANIFEST, "index.html\nspecs/a.html\n"),
                files());
    }

    @Test
    void aJournalNamingPathsOutsideTheOutputFolderIsRefused() throws IOException {
        Files.createDirectories(root.resolve(SiteWriter.STAGING));
        Path outside = root.resolveSibling(root.getFileName() + "-outside.txt");
        new PublishJournal(List.of("../../" + outside.getFileName()), List.of()).write(root);
        assertThrows(IOException.class, () -> new SiteWriter(root).begin());
        assertFalse(Files.exists(outside));
        Files.writeString(root.resolve(PublishJournal.NAME), "specsite-journal 1\nM index.html\n");
        IOException e = assertThrows(IOException.class, () -> new SiteWriter(root).begin());
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }
}
