package dev.specsite.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.specsite.TestSites;

/**
 * The fuzz tests' seeds and every input they found that broke an invariant (kept after the fix),
 * run in every build without Jazzer: each must now pass {@link FuzzTargets}.
 */
class FuzzRegressionTest {

    private static final Path DIR = TestSites.projectRoot().resolve("src/test/resources/hostile/cache/fuzz");

    @TestFactory
    Stream<DynamicTest> metadata() throws IOException {
        return inputs("metadata", FuzzTargets::metadata);
    }

    @TestFactory
    Stream<DynamicTest> parse() throws IOException {
        return inputs("parse", FuzzTargets::parse);
    }

    @TestFactory
    Stream<DynamicTest> link() throws IOException {
        return inputs("link", FuzzTargets::link);
    }

    private static Stream<DynamicTest> inputs(String target, Consumer<byte[]> run) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR.resolve(target))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertFalse(files.isEmpty(), "inputs of " + target);
        return files.stream().map(f -> DynamicTest.dynamicTest(target + "/" + f.getFileName(), () -> run.accept(Files.readAllBytes(f))));
    }
}
