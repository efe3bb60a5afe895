package dev.specsite.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.specsite.incremental.BuildCache;

/** The files of a built site, but for its build cache, and their comparison (as text, for readable failures). */
public final class SiteFiles {

    private SiteFiles() {
    }

    /** Site path to bytes, for every file of the output folder outside the build cache. */
    public static Map<String, byte[]> of(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (!rel.startsWith(BuildCache.DIR + "/")) {
                    out.put(rel, Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    /** Asserts the same files with the same bytes. */
    public static void assertSame(Map<String, byte[]> expected, Map<String, byte[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), "files of the " + what);
        for (Map.Entry<String, byte[]> e : expected.entrySet()) {
            assertEquals(new String(e.getValue(), StandardCharsets.UTF_8),
                    new String(actual.get(e.getKey()), StandardCharsets.UTF_8), e.getKey() + " of the " + what);
        }
    }
}
