package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.TestSites;

/**
 * Attack: the site depended on the build machine's locale (a Turkish one lower-cased "Ivanov" to
 * "ıvanov" in the questions page's owner anchors) and could on its time zone or default charset.
 * {@code content/} with a spec full of capital I's, dotted İ and numbers is built by the command line
 * in forked JVMs under Turkish, German and Japanese locales, time zones of positive and negative
 * offsets (Pacific/Chatham +13:45, America/St_Johns -3:30, Pacific/Pago_Pago -11) and other default
 * charsets, and every file, the exit code and the printed diagnostics equal those of a build under
 * the root locale in UTC. The source folder is a Git repository committed at 23:30 UTC, so that a
 * date taken in the local zone would fall on another day.
 */
class LocaleHostileTest {

    @TempDir
    Path tmp;

    /** A forked build's outcome. */
    private record Run(int exit, String err, Map<String, byte[]> files) {
    }

    @Test
    void theSiteIsTheSameUnderEveryLocaleTimeZoneAndCharset() throws Exception {
        Path src = tmp.resolve("src");
        TestSites.copyTree(TestSites.projectRoot().resolve("content"), src);
        Files.copy(TestSites.projectRoot().resolve("src/test/resources/hostile/cache/locale/locale-words.md"),
                src.resolve("core/locale-words.md"));
        git(src, "init", "-q");
        git(src, "add", "-A");
        git(src, "commit", "-q", "-m", "first");

        Run root = build(src, "root", "", "", "UTC", "UTF-8");
        assertTrue(root.files().containsKey("index.html"), root.err());
        assertTrue(root.err().contains("warning:"), "the diagnostics are compared too: " + root.err());
        Document questions = Jsoup.parse(new String(root.files().get("questions-by-owner.html"), StandardCharsets.UTF_8));
        assertFalse(questions.select("[id=owner-dmitri-ivanov]").isEmpty(), "the owner's anchor, in ASCII: "
                + questions.select("[id^=owner]").eachAttr("id"));
        for (String[] c : List.of(
                new String[] {"tr", "TR", "Pacific/Chatham", "ISO-8859-9"},
                new String[] {"de", "DE", "America/St_Johns", "ISO-8859-1"},
                new String[] {"ja", "JP", "Pacific/Pago_Pago", "Shift_JIS"})) {
            Run r = build(src, c[0], c[0], c[1], c[2], c[3]);
            String what = c[0] + "_" + c[1] + " in " + c[2] + " (" + c[3] + ")";
            assertEquals(root.exit(), r.exit(), "exit code under " + what);
            assertEquals(root.err(), r.err(), "diagnostics under " + what);
            assertEquals(root.files().keySet(), r.files().keySet(), "files under " + what);
            for (Map.Entry<String, byte[]> e : root.files().entrySet()) {
                assertEquals(new String(e.getValue(), StandardCharsets.UTF_8),
                        new String(r.files().get(e.getKey()), StandardCharsets.UTF_8), e.getKey() + " under " + what);
            }
        }
    }

    /** Runs {@code specsite build} in a new JVM with this default locale, time zone and charset. */
    private Run build(Path src, String name, String language, String country, String zone, String charset)
            throws IOException, InterruptedException {
        Path out = tmp.resolve("out-" + name);
        Path root = TestSites.projectRoot();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=" + language, "-Duser.country=" + country, "-Duser.timezone=" + zone,
                "-Dfile.encoding=" + charset, "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "dev.specsite.cli.Main", "build",
                "--config", root.resolve("site-config.properties").toString(),
                "--source", src.toString(), "--output", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(tmp.resolve(name + ".err").toFile());
        pb.environment().put("TZ", zone);
        pb.environment().put("LANG", language.isEmpty() ? "C.UTF-8" : language + "_" + country + "." + charset);
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the build under " + name + " ends");
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String rel = out.relativize(f).toString().replace('\\', '/');
                if (!rel.startsWith(".specsite-")) { // the build cache holds file times
                    files.put(rel, Files.readAllBytes(f));
                }
            }
        }
        String err = Files.readString(tmp.resolve(name + ".err"), StandardCharsets.UTF_8).replace(out.toString(), "OUT");
        return new Run(p.exitValue(), err, files);
    }

    private static void git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=Test",
                "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_AUTHOR_DATE", "2026-11-30T23:30:00Z");
        pb.environment().put("GIT_COMMITTER_DATE", "2026-11-30T23:30:00Z");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + "\n" + output);
    }
}
