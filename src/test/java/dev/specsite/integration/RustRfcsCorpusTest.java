package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.specsite.TestSites;
import dev.specsite.model.OpenQuestion;
import dev.specsite.model.SourceFile;
import dev.specsite.model.Spec;
import dev.specsite.parse.SpecParser;

/**
 * The Rust RFCs (corpora/rust-rfcs/text) against the hand-checked truth in
 * {@code corpora/rust-rfcs.truth.tsv}: titles and the number of unresolved questions of each RFC
 * must agree for at least 95% of the files. Skipped when the shared corpora are absent.
 *
 * <p>Titles are compared as a reader sees them: Markdown code and emphasis marks, case and runs of
 * white space do not count, and a leading {@code RFC:} (a title prefix specsite removes by rule)
 * is ignored on both sides. Questions are those of the unresolved-questions section only
 * ({@link OpenQuestion#kind()} {@code section}), open and resolved alike.
 */
class RustRfcsCorpusTest {

    record Truth(String file, String title, int unresolved, String kind) {
    }

    @Test
    void titlesAndUnresolvedCountsAgreeWithTheTruth() throws IOException {
        Path corpora = TestSites.corpora();
        assumeTrue(corpora != null && Files.isRegularFile(corpora.resolve("rust-rfcs.truth.tsv")),
                "shared corpora not found beside the project (../shared/corpora): Rust RFC test skipped");
        Path root = corpora.resolve("rust-rfcs");
        List<Truth> truth = new ArrayList<>();
        List<String> lines = Files.readAllLines(corpora.resolve("rust-rfcs.truth.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            truth.add(new Truth(c[1], c[2], Integer.parseInt(c[4]), c[7]));
        }
        SpecParser parser = new SpecParser(TestSites.config(root, root.resolve("../target-unused")));
        int titles = 0;
        int counts = 0;
        int files = 0;
        List<String> misses = new ArrayList<>();
        for (Truth t : truth) {
            Path file = root.resolve(t.file());
            if (!Files.isRegularFile(file)) {
                continue;
            }
            files++;
            Spec spec = parser.parse(new SourceFile(t.file(), Files.readString(file, StandardCharsets.UTF_8), "-"))
                    .spec();
            if (normalTitle(spec.title()).equals(normalTitle(t.title()))) {
                titles++;
            } else {
                misses.add("title  " + t.file() + ": expected '" + t.title() + "', got '" + spec.title() + "'");
            }
            long n = spec.questions().stream().filter(q -> q.kind().equals("section")).count();
            if (n == t.unresolved()) {
                counts++;
            } else {
                misses.add("count  " + t.file() + " (" + t.kind() + "): expected " + t.unresolved() + ", got " + n);
            }
        }
        assumeTrue(files > 0, "no Rust RFC files found under " + root);
        double titleShare = 100.0 * titles / files;
        double countShare = 100.0 * counts / files;
        System.out.printf(Locale.ROOT, "rust-rfcs: titles %.1f%% (%d/%d), unresolved counts %.1f%% (%d/%d)%n",
                titleShare, titles, files, countShare, counts, files);
        if (Boolean.getBoolean("specsite.corpus.verbose")) {
            misses.forEach(m -> System.out.println("  " + m));
        }
        assertTrue(titleShare >= 95.0, "titles agree for only " + titleShare + "%");
        assertTrue(countShare >= 95.0, "unresolved counts agree for only " + countShare + "%");
    }

    static String normalTitle(String title) {
        String t = title.replaceAll("[`*_]", "").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
        return t.replaceFirst("^rfc\\s*:\\s*", "");
    }
}
