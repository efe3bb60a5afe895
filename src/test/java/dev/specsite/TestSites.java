package dev.specsite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.specsite.config.ConfigLoader;
import dev.specsite.config.SiteConfig;

/**
 * Tiny inline sites for tests, Hugo style: {@code -- path --} lines separate files.
 *
 * <pre>
 * -- a.md --
 * # SPEC-1: A
 * -- b/c.md --
 * ...
 * </pre>
 */
public final class TestSites {
    private static final Pattern FILE = Pattern.compile("(?m)^-- (\\S+) --\\n");

    private TestSites() {
    }

    /** Writes the files of an inline site below {@code dir}. */
    public static Path write(Path dir, String site) throws IOException {
        Matcher m = FILE.matcher(site);
        int start = -1;
        String name = null;
        while (m.find()) {
            if (name != null) {
                put(dir, name, site.substring(start, m.start()));
            }
            name = m.group(1);
            start = m.end();
        }
        if (name != null) {
            put(dir, name, site.substring(start));
        }
        return dir;
    }

    private static void put(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** The default configuration reading {@code source} and writing {@code output}. */
    public static SiteConfig config(Path source, Path output) {
        return ConfigLoader.load(null, projectRoot(), source, output);
    }

    /**
     * The configuration of the lines {@code properties}, written to {@code folder/site-config.properties}
     * and read as an untrusted file of the project {@code project}; without lines, the default one.
     */
    public static SiteConfig config(Path source, Path output, Path folder, String properties, Path project)
            throws java.io.IOException {
        if (properties == null) {
            return config(source, output);
        }
        Path props = folder.resolve("site-config.properties");
        java.nio.file.Files.writeString(props, properties);
        return ConfigLoader.load(props, project, source, output);
    }

    /** The project's root folder (where pom.xml is). */
    public static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("pom.xml"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("pom.xml not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** Copies a folder and everything in it to {@code to}. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    /** The shared corpora folder beside the project, or {@code null} when absent. */
    public static Path corpora() {
        Path p = projectRoot().resolve("../shared/corpora").normalize();
        return Files.isDirectory(p) ? p : null;
    }
}
