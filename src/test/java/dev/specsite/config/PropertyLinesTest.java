package dev.specsite.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertyLinesTest {

    @Test
    void linesOfKeysAsPropertiesReadsThem(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("c.properties");
        Files.writeString(f, String.join("\n",
                "# a comment with template.folder=x",
                "! another",
                "",
                "  site.host = https://a",
                "specsite.title=one \\",
                "  template.folder=not a key: continued",
                "asset.folder:themes",
                "destination.folder themes",
                "weird\\=key=1",
                "even=ends in two \\\\",
                "content.folder=after",
                "site.host=again",
                "# x \\",
                "specsite.description=after a comment ending in a backslash"));
        PropertyLines l = PropertyLines.of(f);
        assertEquals(4, l.line("site.host"), "the first definition, whose value a repeated key gives");
        assertEquals(5, l.line("specsite.title"));
        assertEquals(0, l.line("template.folder"), "a continuation line holds no key");
        assertEquals(7, l.line("asset.folder"));
        assertEquals(8, l.line("destination.folder"));
        assertEquals(9, l.line("weird=key"));
        assertEquals(11, l.line("content.folder"));
        assertEquals(14, l.line("specsite.description"));
        assertEquals(0, l.line("missing"));
        assertEquals(0, PropertyLines.of(dir.resolve("none")).line("site.host"));
    }
}
