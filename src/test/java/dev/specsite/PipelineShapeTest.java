package dev.specsite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The house's pipeline, as the code holds it: each stage imports only the stages before it (and
 * none the incremental package or the facade), the render stage nothing of scan or parse, nothing
 * handed to the render stage can read or parse (no parse result, source file or deferred function
 * inside what it is given), and no main class is over 500 lines.
 */
class PipelineShapeTest {

    private static final Path MAIN = TestSites.projectRoot().resolve("src/main/java/dev/specsite");

    /** Per stage package, the packages of specsite it must not import. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "scan", List.of("parse", "link", "index", "render", "incremental", "site", "cli"),
            "parse", List.of("link", "index", "render", "incremental", "site", "cli"),
            "link", List.of("index", "render", "incremental", "site", "cli"),
            "index", List.of("scan.Scanner", "parse", "render", "incremental", "site", "cli"),
            "render", List.of("scan", "parse", "incremental", "site", "cli"),
            "incremental", List.of("site", "cli"));

    private static List<Path> sources(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void eachStageImportsOnlyTheStagesBeforeIt() throws IOException {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : FORBIDDEN.entrySet()) {
            for (Path p : sources(MAIN.resolve(e.getKey()))) {
                for (String line : Files.readAllLines(p)) {
                    for (String other : e.getValue()) {
                        if (line.contains("dev.specsite." + other + ".") || line.contains("dev.specsite." + other + ";")) {
                            found.add(e.getKey() + "/" + p.getFileName() + " uses " + other + ": " + line.strip());
                        }
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    @Test
    void nothingHandedToTheRenderStageCanReadOrParse() {
        List<String> found = new ArrayList<>();
        for (Class<?> c : List.of(dev.specsite.link.Body.class, dev.specsite.link.LinkedSpec.class,
                dev.specsite.model.Spec.class, dev.specsite.index.SiteIndex.class, dev.specsite.render.RenderContext.class,
                dev.specsite.parse.ParsedSpec.class)) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                Class<?> t = f.getType();
                String pkg = t.getPackageName();
                boolean deferred = t.isAnnotationPresent(FunctionalInterface.class) && !t.isEnum();
                if (pkg.startsWith("dev.specsite.scan") || t == dev.specsite.parse.ParsedSpec.class
                        || t == dev.specsite.parse.SpecParser.class || deferred) {
                    found.add(c.getSimpleName() + "." + f.getName() + " : " + t.getName());
                }
            }
        }
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    @Test
    void noMainClassIsOverFiveHundredLines() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path p : sources(MAIN)) {
            int n = Files.readAllLines(p).size();
            if (n > 500) {
                found.add(MAIN.relativize(p) + " has " + n + " lines");
            }
        }
        assertTrue(found.isEmpty(), String.join("\n", found));
    }
}
