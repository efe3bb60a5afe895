package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import dev.specsite.TestSites;
import dev.specsite.cli.ExitCode;
import dev.specsite.cli.Main;

/**
 * The CI workflows the README offers for publishing ({@code docs/ci/}): valid YAML of the shape
 * GitHub Actions and GitLab CI read, every {@code ./specsite} command in them one the command line
 * accepts and that builds this repository, the output folder they build the one they cache, and
 * the build state ({@code .specsite-*}) left out of what they publish.
 */
class PublishingWorkflowsTest {

    private static final Path DIR = TestSites.projectRoot().resolve("docs/ci");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String name) throws IOException {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(DIR.resolve(name)));
        return (Map<String, Object>) assertInstanceOf(Map.class, doc, name + " is a YAML mapping");
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... keys) {
        Object n = node;
        for (String k : keys) {
            assertInstanceOf(Map.class, n, "a mapping above '" + k + "' in " + Arrays.toString(keys));
            n = ((Map<String, Object>) n).get(k);
        }
        return (T) n;
    }

    /** Every string scalar of the document, split into lines, stripped. */
    private static List<String> lines(Object node) {
        List<String> out = new ArrayList<>();
        if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> out.addAll(lines(v)));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> out.addAll(lines(v)));
        } else if (node instanceof String s) {
            s.lines().map(String::strip).forEach(out::add);
        }
        return out;
    }

    private static List<String> specsiteCommands(Object doc) {
        return lines(doc).stream().filter(l -> l.startsWith("./specsite ")).toList();
    }

    /** The value of {@code --output}/{@code -o} in a command line. */
    private static String output(String command) {
        List<String> args = List.of(command.split("\\s+"));
        int i = Math.max(args.indexOf("--output"), args.indexOf("-o"));
        assertTrue(i > 0 && i + 1 < args.size(), "names its output folder: " + command);
        return args.get(i + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"github-pages.yml", "gitlab-pages.yml"})
    void everySpecsiteCommandIsOneTheCommandLineAcceptsAndBuildsThisRepository(String name, @TempDir Path tmp)
            throws IOException {
        List<String> commands = specsiteCommands(read(name));
        assertFalse(commands.isEmpty(), name + " runs specsite");
        for (String command : commands) {
            // plain words only: what split() gives here is what a shell gives
            assertTrue(command.matches("[\\w./= -]+"), "no quoting or shell syntax: " + command);
            List<String> args = new ArrayList<>(List.of(command.split("\\s+")));
            args.remove(0);
            // the same options, into a folder of the test's own
            int o = Math.max(args.indexOf("--output"), args.indexOf("-o"));
            Path site = tmp.resolve("site");
            if (o >= 0) {
                args.set(o + 1, site.toString());
            }
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
            assertTrue(code == ExitCode.OK || code == ExitCode.SPEC_ERRORS,
                    command + " exits " + code + ":\n" + err);
            assertTrue(Files.isRegularFile(site.resolve("index.html")), command + " builds a site:\n" + out + err);
            assertTrue(Files.isDirectory(site.resolve(".specsite-cache")), command + " leaves its cache in the output");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"github-pages.yml", "gitlab-pages.yml"})
    void theBuildStateIsLeftOutOfWhatIsPublished(String name) throws IOException {
        List<String> lines = lines(read(name));
        assertTrue(lines.stream().anyMatch(l -> l.contains("--exclude '.specsite-*'") || l.matches("rm -rf \\S+/\\.specsite-\\*")),
                name + " copies the site without the .specsite-* files: " + lines);
    }

    @Test
    void gitHubPages() throws IOException {
        Map<String, Object> wf = read("github-pages.yml");
        assertTrue(wf.containsKey("name") && wf.containsKey("jobs"));
        // YAML 1.1 (SnakeYAML) reads the key 'on' as true; GitHub reads it as 'on'
        Map<?, ?> raw = wf;
        Object on = raw.containsKey("on") ? raw.get("on") : raw.get(Boolean.TRUE);
        assertInstanceOf(Map.class, on, "has triggers");
        assertTrue(((Map<?, ?>) on).containsKey("push"), "publishes on push");
        assertEquals("write", at(wf, "permissions", "pages"));
        assertEquals("write", at(wf, "permissions", "id-token"));

        List<Map<String, Object>> steps = at(wf, "jobs", "build", "steps");
        String command = specsiteCommands(wf).get(0);
        String site = output(command);
        assertEquals(Integer.valueOf(0), (Object) at(step(steps, "actions/checkout@"), "with", "fetch-depth"), "full history, for git dates");
        Map<String, Object> java = step(steps, "actions/setup-java@");
        assertEquals("temurin", at(java, "with", "distribution"));
        assertEquals("17", String.valueOf((Object) at(java, "with", "java-version")));
        assertEquals("maven", at(java, "with", "cache"));
        Map<String, Object> cache = step(steps, "actions/cache@");
        assertEquals(site, at(cache, "with", "path"), "caches the output folder, .specsite-cache included");
        String key = at(cache, "with", "key");
        String restore = at(cache, "with", "restore-keys");
        assertTrue(key.startsWith(restore) && key.contains("${{ github.sha }}"),
                "a new key each run, restored from the newest of the branch: " + key + " / " + restore);
        String artifact = at(step(steps, "actions/upload-pages-artifact@"), "with", "path");
        assertTrue(lines(wf).contains("rsync -a --delete --exclude '.specsite-*' " + site + "/ " + artifact + "/"),
                "publishes the built folder without its build state");

        assertEquals("build", at(wf, "jobs", "deploy", "needs"));
        assertEquals("github-pages", at(wf, "jobs", "deploy", "environment", "name"));
        List<Map<String, Object>> deploy = at(wf, "jobs", "deploy", "steps");
        step(deploy, "actions/deploy-pages@");
    }

    @Test
    void gitLabPages() throws IOException {
        Map<String, Object> ci = read("gitlab-pages.yml");
        Map<String, Object> job = at(ci, "pages");
        assertEquals("maven:3-eclipse-temurin-17", job.get("image"));
        assertEquals(Integer.valueOf(0), (Object) at(job, "variables", "GIT_DEPTH"), "full history, for git dates");
        String site = output(specsiteCommands(ci).get(0));
        List<String> cached = at(job, "cache", "paths");
        assertTrue(cached.contains(site), "caches the output folder, .specsite-cache included: " + cached);
        assertEquals(List.of("public"), at(job, "artifacts", "paths"));
        List<String> script = at(job, "script");
        assertTrue(script.contains("cp -a " + site + "/. public/") && script.contains("rm -rf public/.specsite-*"),
                "publishes the built folder without its build state: " + script);
        assertFalse(cached.contains("public"), "what is published is made anew each time");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> step(List<Map<String, Object>> steps, String uses) {
        return steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith(uses)).findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + uses));
    }
}
