package dev.specsite.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.specsite.TestSites;
import dev.specsite.config.ConfigLoader;
import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.site.BuildListener;
import dev.specsite.site.BuildResult;
import dev.specsite.site.SiteBuilder;

/**
 * Golden cases: each folder of {@code src/test/resources/golden} holds the input of a small site and
 * what a build of it gives today, {@code expected.json} (the spec entries of {@code api/specs.json})
 * and {@code expected.diagnostics.txt} (every diagnostic, as the command line prints it, with paths
 * relative to the case folder). With {@code -Dgolden.update=true} the expected files are written from
 * the build instead of compared. See the folder's {@code README.md}.
 */
class GoldenTest {

    static final String EXPECTED_JSON = "expected.json";
    static final String EXPECTED_DIAGNOSTICS = "expected.diagnostics.txt";
    static final String CONFIG = "site-config.properties";
    /** Files of a case folder that are not input of the site. */
    static final Set<String> NOT_INPUT = Set.of(EXPECTED_JSON, EXPECTED_DIAGNOSTICS, CONFIG);

    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Path root() {
        return TestSites.projectRoot().resolve("src/test/resources/golden");
    }

    static List<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(root())) {
            List<String> names = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            if (names.isEmpty()) {
                throw new IllegalStateException("no case folders in " + root());
            }
            return names;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void golden(String name) throws IOException {
        Path caseDir = root().resolve(name);
        Path tmp = Files.createTempDirectory("specsite-golden-");
        try {
            Built b = build(caseDir, tmp);
            if (UPDATE) {
                write(caseDir.resolve(EXPECTED_JSON), b.json());
                write(caseDir.resolve(EXPECTED_DIAGNOSTICS), b.diagnostics());
                return;
            }
            List<String> missing = new ArrayList<>();
            for (String f : List.of(EXPECTED_JSON, EXPECTED_DIAGNOSTICS)) {
                if (!Files.isRegularFile(caseDir.resolve(f))) {
                    missing.add(f);
                }
            }
            if (!missing.isEmpty()) {
                Assertions.fail("golden/" + name + " has no " + String.join(" nor ", missing)
                        + ": run `mvn -B -q test -Dtest=GoldenTest -Dgolden.update=true` to write them from today's"
                        + " build, then review and commit them");
            }
            compare(name, EXPECTED_DIAGNOSTICS, read(caseDir.resolve(EXPECTED_DIAGNOSTICS)), b.diagnostics());
            compare(name, EXPECTED_JSON, read(caseDir.resolve(EXPECTED_JSON)), b.json());
        } finally {
            delete(tmp);
        }
    }

    /** What one build of a case gives, as the expected files hold it. */
    record Built(String json, String diagnostics) {
    }

    /**
     * Copies the case's input to {@code tmp/src} (its configuration to {@code tmp}) and builds it into
     * {@code tmp/out}. The temporary folder is outside any Git repository, so dates come from the specs
     * only and the result is the same on every machine.
     */
    static Built build(Path caseDir, Path tmp) throws IOException {
        for (Path p = tmp.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                throw new IllegalStateException("the temporary folder " + tmp + " is inside the Git repository " + p
                        + ": golden results would take dates from its history; set java.io.tmpdir elsewhere");
            }
        }
        Path src = tmp.resolve("src");
        Path out = tmp.resolve("out");
        Files.createDirectories(src);
        int inputs = 0;
        try (Stream<Path> s = Files.walk(caseDir)) {
            for (Path p : s.sorted().toList()) {
                Path rel = caseDir.relativize(p);
                if (Files.isDirectory(p) || rel.getNameCount() == 1 && NOT_INPUT.contains(rel.toString())) {
                    continue;
                }
                Path t = src.resolve(rel.toString());
                Files.createDirectories(t.getParent());
                Files.copy(p, t);
                inputs++;
            }
        }
        if (inputs == 0) {
            throw new IllegalStateException(caseDir + " holds no input files");
        }
        Path props = null;
        if (Files.isRegularFile(caseDir.resolve(CONFIG))) {
            props = tmp.resolve(CONFIG);
            Files.copy(caseDir.resolve(CONFIG), props);
        }
        SiteConfig config = ConfigLoader.load(props, tmp, src, out);
        BuildResult r = new SiteBuilder(config, BuildListener.SILENT, false).build(true);

        ObjectMapper mapper = new ObjectMapper();
        JsonNode specs = mapper.readTree(out.resolve("api/specs.json").toFile()).get("specs");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("").withArrayEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        String json = mapper.writer(pretty).writeValueAsString(specs) + "\n";

        StringBuilder diags = new StringBuilder();
        for (Diagnostic d : r.diagnostics()) {
            diags.append(d.format()).append('\n');
            if (d.hint() != null) {
                diags.append("    hint: ").append(d.hint()).append('\n');
            }
        }
        return new Built(json, diags.toString());
    }

    static void compare(String name, String file, String expected, String actual) {
        if (expected.equals(actual)) {
            return;
        }
        throw new AssertionFailedError("golden/" + name + "/" + file + " differs from the build (- expected, + actual);"
                + " if the change is intended, run with -Dgolden.update=true and review the diff\n"
                + diff(expected, actual), expected, actual);
    }

    /** A line diff with two lines of context, from the longest common subsequence (the files are small). */
    static String diff(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        List<Boolean> changed = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add("  " + a[i]);
                changed.add(false);
                i++;
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                lines.add("- " + a[i++]);
                changed.add(true);
            } else {
                lines.add("+ " + b[j++]);
                changed.add(true);
            }
        }
        StringBuilder sb = new StringBuilder();
        int last = -1;
        for (int k = 0; k < lines.size(); k++) {
            boolean near = false;
            for (int d = Math.max(0, k - 2); d <= Math.min(lines.size() - 1, k + 2) && !near; d++) {
                near = changed.get(d);
            }
            if (near) {
                if (last >= 0 && k > last + 1) {
                    sb.append("  …\n");
                }
                sb.append(lines.get(k)).append('\n');
                last = k;
            }
        }
        return sb.toString();
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    static void write(Path p, String text) throws IOException {
        if (!Files.isRegularFile(p) || !read(p).equals(text)) {
            Files.writeString(p, text, StandardCharsets.UTF_8);
            System.out.println("golden: wrote " + root().relativize(p));
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
