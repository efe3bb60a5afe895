package dev.specsite.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.specsite.TestSites;
import dev.specsite.diag.Diagnostic;
import dev.specsite.diag.Severity;

/**
 * A repository's configuration file is untrusted: folders outside the repository (by real path),
 * interpolation lookups and URLs that are not http: or https: are refused with a diagnostic at the
 * key's line, and the default is used. Hostile files in {@code src/test/resources/hostile/trust/config}.
 */
class ConfigHostileTest {

    static final Path CASES = TestSites.projectRoot().resolve("src/test/resources/hostile/trust/config");

    /** A repository folder with its configuration; {@code @OUTSIDE@} is a folder beside it. */
    private static Path repo(Path dir, String config) throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve("content"));
        Files.writeString(repo.resolve("site-config.properties"), config.replace("@OUTSIDE@", dir.resolve("outside").toString()));
        return repo;
    }

    private static SiteConfig load(Path repo, boolean trusted) {
        return ConfigLoader.load(repo.resolve("site-config.properties"), repo, null, null, trusted);
    }

    private static Diagnostic only(SiteConfig c, String key) {
        List<Diagnostic> d = c.diagnostics().stream().filter(x -> x.message().startsWith(key + " ")).toList();
        assertEquals(1, d.size(), c.diagnostics().toString());
        return d.get(0);
    }

    @Test
    void foldersOutsideTheRepositoryAreIgnoredAtTheirLines(@TempDir Path dir) throws IOException {
        for (String f : List.of("assets", "foreign", "theme", "content")) {
            Files.createDirectories(dir.resolve("outside").resolve(f));
        }
        Path repo = repo(dir, Files.readString(CASES.resolve("outside-folders.properties")));
        SiteConfig c = load(repo, false);
        assertEquals(repo.resolve("target/site"), c.outputDir());
        assertEquals(repo.resolve("content"), c.sourceDir());
        assertNull(c.templateDir(), "no themes/default in the repository: the embedded theme");
        assertNull(c.assetDir());
        assertEquals(4, c.diagnostics().size(), c.diagnostics().toString());
        int line = 4;
        for (String key : List.of("asset.folder", "destination.folder", "template.folder", "content.folder")) {
            Diagnostic d = only(c, key);
            assertEquals("site-config.properties:" + line++ + ":1: error: " + d.message()
                    + " [config-outside-repository]", d.format());
            assertTrue(d.message().contains("is outside the repository"), d.message());
            assertFalse(d.message().contains(repo.toString()), "the machine's paths stay out of the site");
            assertTrue(d.hint().contains("--trust-config"), d.hint());
        }
        assertTrue(only(c, "destination.folder").hint().contains("--output"));
        assertTrue(only(c, "content.folder").hint().contains("--source"));

        // trusted, the same file is obeyed
        SiteConfig t = load(repo, true);
        assertEquals(List.of(), t.diagnostics());
        assertEquals(dir.resolve("outside/foreign"), t.outputDir());
        assertEquals(dir.resolve("outside/theme"), t.templateDir());
        assertEquals(dir.resolve("outside/assets"), t.assetDir());
        assertEquals(dir.resolve("outside/content"), t.sourceDir());
    }

    @Test
    void theCommandLineFoldersWinWithoutAWord(@TempDir Path dir) throws IOException {
        Path repo = repo(dir, Files.readString(CASES.resolve("outside-folders.properties")));
        SiteConfig c = ConfigLoader.load(repo.resolve("site-config.properties"), repo, dir.resolve("src"),
                dir.resolve("out"), false);
        assertEquals(dir.resolve("src"), c.sourceDir());
        assertEquals(dir.resolve("out"), c.outputDir());
        assertEquals(List.of("asset.folder", "template.folder"),
                c.diagnostics().stream().map(d -> d.message().split(" ")[0]).toList());
    }

    /** Values that look inside but are not: each is refused. */
    @ParameterizedTest
    @ValueSource(strings = {"../outside/site", "target/../../outside", "link-out/site", "link-out",
            "dangling/site", ".", "./", ".git", ".git/hooks", ".GIT/x", "content/../.git/objects"})
    void destinationThatEscapesIsRefused(String value, @TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("outside"));
        Path repo = repo(dir, "# output\ndestination.folder=" + value + "\n");
        Files.createDirectories(repo.resolve(".git"));
        Files.createSymbolicLink(repo.resolve("link-out"), dir.resolve("outside"));
        Files.createSymbolicLink(repo.resolve("dangling"), dir.resolve("nowhere"));
        SiteConfig c = load(repo, false);
        assertEquals(repo.resolve("target/site"), c.outputDir());
        Diagnostic d = only(c, "destination.folder");
        assertEquals(2, d.line());
        assertEquals(Severity.ERROR, d.severity());
        assertEquals("config-outside-repository", d.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"template.folder", "asset.folder", "content.folder"})
    void aLinkInsideTheRepositoryPointingOutIsRefused(String key, @TempDir Path dir) throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside/theme"));
        Path repo = repo(dir, key + "=themes/mine\n");
        Files.createDirectories(repo.resolve("themes"));
        Files.createSymbolicLink(repo.resolve("themes/mine"), outside);
        SiteConfig c = load(repo, false);
        assertEquals(1, only(c, key).line());
        assertFalse(Stream.of(c.templateDir(), c.assetDir(), c.sourceDir()).anyMatch(outside::equals));
    }

    @ParameterizedTest
    @ValueSource(strings = {"leak.pem", "css/leakdir"})
    void anAssetFolderHoldingALinkOutIsRefused(String link, @TempDir Path dir) throws IOException {
        Path secret = Files.createDirectories(dir.resolve("outside/secret"));
        Files.writeString(secret.resolve("key.pem"), "SECRET");
        Path repo = repo(dir, "specsite.title=x\nasset.folder=theme/assets\n");
        Path assets = Files.createDirectories(repo.resolve("theme/assets"));
        Files.createDirectories(assets.resolve("css"));
        Files.writeString(assets.resolve("css/site.css"), "body{}");
        Files.createSymbolicLink(assets.resolve("css/inside.css"), assets.resolve("css/site.css"));
        Files.createSymbolicLink(assets.resolve(link), link.endsWith("dir") ? secret : secret.resolve("key.pem"));
        SiteConfig c = load(repo, false);
        assertNull(c.assetDir());
        Diagnostic d = only(c, "asset.folder");
        assertEquals(2, d.line());
        assertTrue(d.message().contains("holds a link to outside the repository (" + link + ")"), d.message());
        // links that stay inside are fine
        Files.delete(assets.resolve(link));
        assertEquals(List.of(), load(repo, false).diagnostics());
        assertEquals(assets, load(repo, false).assetDir());
    }

    @Test
    void withoutAFileTheDefaultsAreTrusted(@TempDir Path dir) throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path project = Files.createDirectories(dir.resolve("work"));
        Files.createSymbolicLink(project.resolve("target"), outside);
        SiteConfig c = ConfigLoader.load(null, project, dir.resolve("src"), null);
        assertEquals(List.of(), c.diagnostics());
        assertEquals(project.resolve("target/site"), c.outputDir());
    }

    @Test
    void aFolderNamedWithALookupIsRefused(@TempDir Path dir) throws IOException {
        // a folder literally named ${file:…} is inside, but JBake's asset copy would expand its name
        Path repo = repo(dir, "asset.folder=themes/${file:UTF-8:evil.txt}\n");
        Files.createDirectories(repo.resolve("themes/${file:UTF-8:evil.txt}"));
        Files.writeString(repo.resolve("evil.txt"), "../../../../../../../../etc/ssl");
        SiteConfig c = load(repo, false);
        assertNull(c.assetDir());
        assertTrue(only(c, "asset.folder").message().contains("holds ${…}"), c.diagnostics().toString());
    }

    @Test
    void aLinkedDefaultThemeLeavesTheEmbeddedOne(@TempDir Path dir) throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside/templates"));
        Path repo = repo(dir, "specsite.title=x\n");
        Files.createDirectories(repo.resolve("themes/default"));
        Files.createSymbolicLink(repo.resolve("themes/default/templates"), outside);
        SiteConfig c = load(repo, false);
        assertNull(c.templateDir());
        assertEquals(List.of(), c.diagnostics(), "the file names no folder: nothing to report");
    }

    @Test
    void aLinkedDefaultOutputIsAUsageError(@TempDir Path dir) throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path repo = repo(dir, "destination.folder=/etc\n");
        Files.createSymbolicLink(repo.resolve("target"), outside);
        ConfigLoader.ConfigException e = assertThrows(ConfigLoader.ConfigException.class, () -> load(repo, false));
        assertTrue(e.getMessage().contains("--output"), e.getMessage());
        // the output named on the command line is the user's own
        assertEquals(dir.resolve("out"), ConfigLoader.load(repo.resolve("site-config.properties"), repo, null,
                dir.resolve("out"), false).outputDir());
    }

    @Test
    void foldersInsideTheRepositoryAreKept(@TempDir Path dir) throws IOException {
        Path repo = repo(dir, "template.folder=themes/mine/templates\nasset.folder=themes/mine/assets\n"
                + "content.folder=.\ndestination.folder=build/site\n");
        Files.createDirectories(repo.resolve("themes/mine/templates"));
        Files.createDirectories(repo.resolve("themes/mine/assets"));
        Files.createSymbolicLink(repo.resolve("docs"), repo.resolve("themes"));
        SiteConfig c = load(repo, false);
        assertEquals(List.of(), c.diagnostics());
        assertEquals(repo.resolve("themes/mine/templates"), c.templateDir());
        assertEquals(repo.resolve("themes/mine/assets"), c.assetDir());
        assertEquals(repo, c.sourceDir());
        assertEquals(repo.resolve("build/site"), c.outputDir());
        // a link that stays inside is followed
        Files.writeString(repo.resolve("site-config.properties"), "template.folder=docs/mine/templates\n");
        assertEquals(List.of(), load(repo, false).diagnostics());
    }

    @Test
    void theBundledSampleIsUnchanged() {
        Path root = TestSites.projectRoot();
        SiteConfig c = ConfigLoader.load(root.resolve("site-config.properties"), root, null, null);
        assertEquals(List.of(), c.diagnostics());
        assertEquals(root.resolve("content"), c.sourceDir());
        assertEquals(root.resolve("target/site"), c.outputDir());
        assertEquals(root.resolve("themes/default/templates"), c.templateDir());
        assertEquals(root.resolve("themes/default/assets"), c.assetDir());
    }

    @Test
    void noInterpolationLookupReadsAnything(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "key=SECRET\n");
        Path proof = dir.resolve("PROOF");
        String text = Files.readString(CASES.resolve("interpolation.properties"))
                .replace("@SECRET@", secret.toString()).replace("@PROOF@", proof.toString());
        Path repo = repo(dir, text);
        SiteConfig c = load(repo, false);
        for (String line : text.split("\n")) {
            if (line.startsWith("specsite.")) {
                String key = line.substring(0, line.indexOf('='));
                assertEquals(line.substring(line.indexOf('=') + 1), c.values().get(key), key);
            }
        }
        assertEquals("T ${env:PATH} ${sys:user.home} ${file:UTF-8:" + secret + "}", c.title());
        assertEquals("${specsite.title}", c.description());
        assertFalse(Files.exists(proof));
        assertFalse(c.values().values().stream().anyMatch(v -> v.contains("SECRET") && !v.contains("${")));
    }

    @Test
    void patternsThatCouldHangAreReplacedByTheirDefaults(@TempDir Path dir) throws IOException {
        Path repo = repo(dir, Files.readString(CASES.resolve("redos.properties")));
        SiteConfig c = load(repo, false);
        SiteConfig defaults = ConfigLoader.load(null, repo, null, null);
        assertEquals(defaults.requirementIds().pattern(), c.requirementIds().pattern());
        assertEquals("", c.values().get("specsite.mentions.pattern.evil"), "no default: off");
        assertEquals(defaults.values().get("specsite.mentions.pattern.id"), c.values().get("specsite.mentions.pattern.id"));
        assertEquals(List.of(2, 3, 4), c.diagnostics().stream().map(Diagnostic::line).toList());
        assertTrue(c.diagnostics().stream().allMatch(d -> d.code().equals("config-unsafe-pattern")));
        String text = "See SPEC-12 and B " + "A".repeat(3000);
        long start = System.nanoTime();
        assertEquals(MentionRules.of(defaults).find(text), MentionRules.of(c).find(text));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "mentions found in time");
        // trusted, the file is obeyed
        assertEquals("(?:REQ-)?(x+x+)+y", load(repo, true).requirementIds().pattern());
    }

    static Stream<String> unsafeUrls() throws IOException {
        return Files.readAllLines(CASES.resolve("unsafe-urls.txt"), StandardCharsets.UTF_8).stream()
                .filter(s -> !s.isBlank());
    }

    @ParameterizedTest
    @MethodSource("unsafeUrls")
    void urlKeysTakeOnlyHttpAndHttps(String written, @TempDir Path dir) throws IOException {
        Path repo = repo(dir, "specsite.title=x\nsite.host=" + written + "\nspecsite.repository.url=" + written + "\n");
        SiteConfig c = load(repo, true);
        assertEquals("", c.siteHost());
        assertEquals("", c.repositoryUrl());
        assertEquals("", c.values().get("site.host"));
        assertEquals("", c.values().get("specsite.repository.url"));
        assertEquals(2, only(c, "site.host").line());
        assertEquals(3, only(c, "specsite.repository.url").line());
        assertEquals("config-unsafe-url", only(c, "site.host").code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/specs", "HTTP://EXAMPLE.ORG", "https://example.org:8443/a/b/",
            "https://user@example.org/a?b=c#d", "https://xn--bcher-kva.example/x"})
    void webUrlsAreKept(String url, @TempDir Path dir) throws IOException {
        Path repo = repo(dir, "site.host=" + url + "\nspecsite.repository.url=" + url + "\n");
        SiteConfig c = load(repo, false);
        assertEquals(List.of(), c.diagnostics());
        String expected = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        assertEquals(expected, c.siteHost());
        assertEquals(expected, c.repositoryUrl());
    }
}
