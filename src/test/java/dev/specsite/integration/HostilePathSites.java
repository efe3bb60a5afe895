package dev.specsite.integration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import dev.specsite.TestSites;
import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.site.BuildListener;
import dev.specsite.site.BuildResult;
import dev.specsite.site.SiteBuilder;

/** The hostile sites of {@code src/test/resources/hostile/paths/}, built in a folder of a test's own. */
final class HostilePathSites {

    private HostilePathSites() {
    }

    /** A built site: its output folder and the build's result. */
    record Built(Path src, Path out, BuildResult result) {
        Document page(String path) throws IOException {
            return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
        }

        String file(String path) throws IOException {
            return Files.readString(out.resolve(path));
        }

        List<Diagnostic> diagnostics(String code) {
            return result.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
        }

        /** Every file of the output, '/'-separated, the writer's own files left out, sorted. */
        List<String> files() throws IOException {
            try (Stream<Path> s = Files.walk(out)) {
                return s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString().replace('\\', '/'))
                        .filter(p -> !p.startsWith(".specsite-")).sorted().toList();
            }
        }
    }

    /** Writes the named hostile site ({@code reserved-aliases}) below {@code dir}: its source folder. */
    static Path write(Path dir, String name) throws IOException {
        try (InputStream in = HostilePathSites.class.getResourceAsStream("/hostile/paths/" + name + ".site")) {
            if (in == null) {
                throw new IOException("no hostile site " + name);
            }
            return TestSites.write(dir.resolve("src"), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Builds the named hostile site in process, with the given configuration lines (or none). */
    static Built build(Path dir, String name, String properties) throws IOException {
        Path src = write(dir, name);
        Path out = dir.resolve("out");
        SiteConfig config = TestSites.config(src, out, dir, properties, dir);
        BuildResult r = new SiteBuilder(config, BuildListener.SILENT).build(true);
        return new Built(src, out, r);
    }

    /** Whether an output file is a redirect page (a meta refresh), not a page of its own. */
    static boolean isRedirectPage(Built b, String path) throws IOException {
        return path.endsWith(".html") && b.page(path).selectFirst("meta[http-equiv=refresh]") != null;
    }
}
