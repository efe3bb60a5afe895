package dev.specsite.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.specsite.diag.Diagnostic;

/** Files are read as UTF-8; anything else is read as Windows-1252 with a warning. */
class ScannerDecodeTest {

    private final List<Diagnostic> diags = new ArrayList<>();

    private String decode(byte[] b) {
        return Scanner.decode(b, "a.md", diags);
    }

    @Test
    void utf8IsReadAsItIs() {
        assertEquals("Spec — ✓ ü 😀", decode("Spec — ✓ ü 😀".getBytes(StandardCharsets.UTF_8)));
        assertTrue(diags.isEmpty());
    }

    @Test
    void aByteOrderMarkIsDropped() {
        byte[] text = "# Title".getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[text.length + 3];
        b[0] = (byte) 0xEF;
        b[1] = (byte) 0xBB;
        b[2] = (byte) 0xBF;
        System.arraycopy(text, 0, b, 3, text.length);
        assertEquals("# Title", decode(b));
        assertTrue(diags.isEmpty());
    }

    @Test
    void aReplacementCharacterAsWrittenIsNoError() {
        assertEquals("broken \uFFFD glyph", decode("broken \uFFFD glyph".getBytes(StandardCharsets.UTF_8)));
        assertTrue(diags.isEmpty());
    }

    @Test
    void otherBytesAreReadAsWindows1252WithAWarning() {
        byte[] b = {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x93, 'q', (byte) 0x94};
        assertEquals("café “q”", decode(b));
        assertEquals(1, diags.size());
        assertEquals("encoding", diags.get(0).code());
        assertTrue(diags.get(0).format().startsWith("a.md:"), diags.get(0).format());
    }
}
