package dev.specsite.link;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.specsite.TestSites;

/**
 * The link stage returns data and the render stage writes the HTML: no source of {@code link/} holds a
 * tag or an attribute in a string, nor calls the render stage's tag builder; and no class of it grows
 * past the house's size.
 */
class LinkStageShapeTest {

    /** A string literal that starts a tag ({@code "<a"}, {@code "</"}) or holds an attribute ({@code href="}). */
    private static final Pattern MARKUP = Pattern.compile("\"[^\"\\n]*(<[a-zA-Z/]|href=\\\\\"|src=\\\\\")");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.list(TestSites.projectRoot().resolve("src/main/java/dev/specsite/link"))) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void nothingInTheLinkStageBuildsHtml() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path p : sources()) {
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (l.startsWith("*") || l.startsWith("/**") || l.startsWith("//")) {
                    continue; // documentation may show what the render stage writes
                }
                if (MARKUP.matcher(l).find() || l.contains("Tags.")) {
                    found.add(p.getFileName() + ":" + (i + 1) + ": " + l);
                }
            }
        }
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    @Test
    void noClassOfTheLinkStageIsOverFiveHundredLines() throws IOException {
        for (Path p : sources()) {
            int n = Files.readAllLines(p).size();
            assertTrue(n <= 500, p.getFileName() + " has " + n + " lines");
        }
    }
}
