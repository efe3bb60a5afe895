package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.TestSites;
import dev.specsite.cli.ExitCode;
import dev.specsite.cli.Main;

/**
 * The command line on a repository whose theme and configuration are hostile (files in
 * {@code src/test/resources/hostile/trust}): nothing runs, nothing outside the repository is read
 * or written, every refusal is a diagnostic, and the build goes on where it can.
 */
class HostileConfigSiteTest {

    private static final Path HOSTILE = TestSites.projectRoot().resolve("src/test/resources/hostile/trust");
    private static final String SPECS = """
            -- content/a.md --
            # SPEC-1: A

            **Status**: Draft
            """;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        // a theme failure returns while other render tasks may still write pages (the writer's to
        // settle): wait for them, so that the temporary folder is not written while it is deleted
        java.util.concurrent.ForkJoinPool.commonPool().awaitQuiescence(60, java.util.concurrent.TimeUnit.SECONDS);
        return new Run(code, out.toString(), err.toString());
    }

    private static void noStackTrace(Run r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    }

    @Test
    void aThemeOfTheRepositoryCannotRunCommands(@TempDir Path dir) throws IOException {
        Path repo = TestSites.write(dir.resolve("repo"), SPECS);
        Path proof = dir.resolve("RCE-PROOF");
        Files.createDirectories(repo.resolve("theme"));
        Files.writeString(repo.resolve("theme/layout.ftlh"),
                Files.readString(HOSTILE.resolve("theme/layout.ftlh")).replace("@PROOF@", proof.toString()));
        Files.writeString(repo.resolve("site-config.properties"), "template.folder=theme\n");
        for (String trust : List.of("--strict", "--trust-config")) {
            Path out = dir.resolve("out" + trust);
            Run r = run("build", trust, "--source", repo.toString(), "--output", out.toString());
            assertEquals(ExitCode.FAILURE, r.code(), r.err());
            assertTrue(r.err().contains("theme/layout.ftlh:2:1: error: Instantiating freemarker.template.utility.Execute"
                    + " is not allowed in the template for security reasons. [template-error]"), r.err());
            noStackTrace(r);
            assertFalse(Files.exists(proof), "the theme ran a command");
            assertFalse(Files.exists(out.resolve("index.html")));
        }
    }

    @Test
    void foldersOutsideTheRepositoryAreNeitherReadNorWritten(@TempDir Path dir) throws IOException {
        Path repo = TestSites.write(dir.resolve("repo"), SPECS);
        Path outside = dir.resolve("outside");
        TestSites.write(outside, """
                -- assets/secret.txt --
                SECRET ASSET
                -- foreign/index.html --
                <p>foreign</p>
                -- theme/index.ftlh --
                FOREIGN THEME
                -- content/b.md --
                # SPEC-99: Secret spec
                """);
        Files.writeString(repo.resolve("site-config.properties"),
                Files.readString(HOSTILE.resolve("config/outside-folders.properties")).replace("@OUTSIDE@", outside.toString()));
        Run r = run("build", "--config", repo.resolve("site-config.properties").toString());
        noStackTrace(r);
        assertEquals(ExitCode.SPEC_ERRORS, r.code(), r.err());
        int line = 4;
        for (String key : List.of("asset.folder", "destination.folder", "template.folder", "content.folder")) {
            assertTrue(r.err().contains("repo/site-config.properties:" + line++ + ":1: error: " + key + " '"
                    + outside), r.err());
        }
        assertEquals(4, r.err().split("\\[config-outside-repository]", -1).length - 1, r.err());
        assertEquals("<p>foreign</p>\n", Files.readString(outside.resolve("foreign/index.html")));
        Path site = repo.resolve("target/site");
        assertTrue(Files.isRegularFile(site.resolve("specs/SPEC-1.html")), "the build went on, into the default");
        assertFalse(Files.exists(site.resolve("specs/SPEC-99.html")));
        assertFalse(Files.exists(site.resolve("secret.txt")));
        assertFalse(Files.readString(site.resolve("index.html")).contains("FOREIGN THEME"));
        Document problems = Jsoup.parse(site.resolve("problems.html").toFile());
        assertTrue(problems.text().contains("site-config.properties"), problems.text());
        assertTrue(problems.text().contains("config-outside-repository"));
        assertFalse(problems.html().contains(repo.toString()), "no path of the build machine in the site");
    }

    @Test
    void aLinkInTheThemeAssetsCopiesNothingFromOutside(@TempDir Path dir) throws IOException {
        Path repo = TestSites.write(dir.resolve("repo"), SPECS + "-- assets/site.css --\nbody{}\n");
        Path secret = Files.createDirectories(dir.resolve("secret"));
        Files.writeString(secret.resolve("key.pem"), "SECRET KEY");
        Files.createSymbolicLink(repo.resolve("assets/leakdir"), secret);
        Files.writeString(repo.resolve("site-config.properties"), "asset.folder=assets\n");
        Path out = dir.resolve("out");
        Run r = run("build", "--source", repo.toString(), "--output", out.toString());
        assertEquals(ExitCode.SPEC_ERRORS, r.code(), r.err());
        assertTrue(r.err().contains("site-config.properties:1:1: error: asset.folder 'assets' holds a link to outside"
                + " the repository (leakdir)"), r.err());
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
        try (Stream<Path> s = Files.walk(out)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().equals("key.pem")));
        }
    }

    @Test
    void interpolationLeavesEveryLookupLiteral(@TempDir Path dir) throws IOException {
        Path repo = TestSites.write(dir.resolve("repo"), SPECS);
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "key=SECRET-FILE-CONTENT\n");
        Path proof = dir.resolve("PROOF");
        Files.writeString(repo.resolve("site-config.properties"), Files.readString(HOSTILE.resolve(
                "config/interpolation.properties")).replace("@SECRET@", secret.toString()).replace("@PROOF@", proof.toString()));
        Path out = dir.resolve("out");
        Run r = run("build", "--source", repo.toString(), "--output", out.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        Document home = Jsoup.parse(out.resolve("index.html").toFile());
        String title = "T ${env:PATH} ${sys:user.home} ${file:UTF-8:" + secret + "}";
        assertEquals(title, home.title());
        assertEquals(title, home.selectFirst("h1").text());
        assertEquals(title, home.selectFirst("a.brand").text());
        assertEquals("${specsite.title}", home.selectFirst("p.lead").text(), "the description names the key, unexpanded");
        String all = siteText(out);
        assertFalse(all.contains("SECRET-FILE-CONTENT"));
        assertFalse(all.contains(System.getProperty("user.home") + " "), "user.home read into the site");
        assertFalse(all.contains(System.getenv("PATH")));
        assertFalse(Files.exists(proof));
    }

    @Test
    @Timeout(120)
    void aPatternThatWouldBacktrackForHoursDoesNotHangTheBuild(@TempDir Path dir) throws IOException {
        // with these patterns obeyed (--trust-config) this build ran past 25 s, killed; refused, 1.7 s
        Path repo = TestSites.write(dir.resolve("repo"), SPECS + "\n### " + "x".repeat(3000) + "\n\nB " + "A".repeat(3000)
                + "\n\nREQ-1 holds.\n");
        Files.copy(HOSTILE.resolve("config/redos.properties"), repo.resolve("site-config.properties"));
        Path out = dir.resolve("out");
        Run r = run("build", "--source", repo.toString(), "--output", out.toString());
        assertEquals(ExitCode.SPEC_ERRORS, r.code(), r.err());
        assertEquals(3, r.err().split("\\[config-unsafe-pattern]", -1).length - 1, r.err());
        assertTrue(r.err().contains("site-config.properties:2:1: error: specsite.requirements.pattern has repetitions"
                + " in a row that can match the same text and could make the build run for hours"), r.err());
        Document spec = Jsoup.parse(out.resolve("specs/SPEC-1.html").toFile());
        assertTrue(spec.text().contains("REQ-1"), "the default requirement pattern is used");
    }

    @Test
    void javascriptUrlsNeverReachAnHref(@TempDir Path dir) throws IOException {
        Path repo = TestSites.write(dir.resolve("repo"), SPECS);
        Files.writeString(repo.resolve("site-config.properties"),
                "site.host=JaVaScRiPt:alert(document.domain)//\nspecsite.repository.url=\\u006aavascript:alert(1)\n");
        Path out = dir.resolve("out");
        Run r = run("build", "--source", repo.toString(), "--output", out.toString());
        assertEquals(ExitCode.SPEC_ERRORS, r.code(), r.err());
        assertTrue(r.err().contains("site-config.properties:1:1: error: site.host must be an http: or https: URL"), r.err());
        assertTrue(r.err().contains("site-config.properties:2:1: error: specsite.repository.url must be"), r.err());
        for (Path page : pages(out)) {
            Document d = Jsoup.parse(page.toFile());
            for (Element e : d.select("[href], [src]")) {
                String url = (e.hasAttr("href") ? e.attr("href") : e.attr("src")).replaceAll("\\s", "");
                assertFalse(url.toLowerCase(java.util.Locale.ROOT).startsWith("javascript:"), page + ": " + e);
            }
        }
        Document spec = Jsoup.parse(out.resolve("specs/SPEC-1.html").toFile());
        assertTrue(spec.select("a:containsOwn(edit)").isEmpty(), "no edit link without a repository URL");
    }

    private static List<Path> pages(Path out) throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static String siteText(Path out) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".specsite"))
                    .sorted().toList()) {
                texts.add(Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return String.join("\n", texts);
    }
}
