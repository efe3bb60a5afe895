package dev.specsite.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.model.SourceFile;

/** A scan takes a file as unchanged from its stamp only when size and time match outside the racy window. */
class ScannerStampTest {

    @TempDir
    Path dir;

    private final Scanner scanner = new Scanner(List.of(), 1 << 20, null);

    private SourceFile only(ScanResult r) {
        assertEquals(1, r.specs().size());
        return r.specs().get(0);
    }

    /** Writes a.md with this text and a modification time a minute ago. */
    private void writeOld(String text) throws IOException {
        Path f = dir.resolve("a.md");
        Files.writeString(f, text);
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    }

    @Test
    void anOldUnchangedFileIsNotReadAgain() throws IOException {
        writeOld("# A\n\nText.\n");
        ScanResult first = scanner.scan(dir);
        assertNotNull(only(first).text());
        Scanner.Stamp stamp = first.stamps().get("a.md");
        ScanResult second = scanner.scan(dir, first.stamps()::get);
        assertNull(only(second).text(), "not read");
        assertEquals(stamp.hash(), only(second).hash());
    }

    @Test
    void aChangedSizeOrTimeIsReadAgain() throws IOException {
        writeOld("# A\n\nText.\n");
        ScanResult first = scanner.scan(dir);
        writeOld("# A\n\nMore text.\n");
        SourceFile again = only(scanner.scan(dir, first.stamps()::get));
        assertNotNull(again.text());
        assertNotEquals(first.stamps().get("a.md").hash(), again.hash());
    }

    @Test
    void aFileChangedJustBeforeTheScanIsReadAgainEvenWithTheSameSizeAndTime() throws IOException {
        Path f = dir.resolve("a.md");
        Files.writeString(f, "# A\n\nText 1.\n");
        FileTime now = FileTime.fromMillis(System.currentTimeMillis());
        Files.setLastModifiedTime(f, now);
        ScanResult first = scanner.scan(dir);
        // a second edit within the same clock tick: same size, same time
        Files.writeString(f, "# A\n\nText 2.\n");
        Files.setLastModifiedTime(f, now);
        SourceFile again = only(scanner.scan(dir, first.stamps()::get));
        assertNotNull(again.text(), "racy: read again");
        assertEquals("# A\n\nText 2.\n", again.text());
    }

    @Test
    void filesWithSidecarsAreAlwaysRead() throws IOException {
        Scanner withSidecars = new Scanner(List.of(), 1 << 20, null, List.of("kep.yaml"));
        Files.writeString(dir.resolve("README.md"), "# A\n");
        Files.writeString(dir.resolve("kep.yaml"), "status: implementable\n");
        ScanResult first = withSidecars.scan(dir);
        assertNull(first.stamps().get("README.md"), "no stamp: a sidecar can change on its own");
        assertNotNull(only(withSidecars.scan(dir, first.stamps()::get)).text());
    }
}
