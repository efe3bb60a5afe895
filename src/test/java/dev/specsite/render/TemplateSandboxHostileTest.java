package dev.specsite.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.specsite.TestSites;
import dev.specsite.diag.Severity;

/**
 * Hostile theme templates ({@code src/test/resources/hostile/trust/templates}): a {@code refused-*}
 * template fails with a template diagnostic saying why (its {@code <#-- expect: … -->}), a {@code harmless-*} one renders its {@code .out}; none
 * creates a file or reads one outside the theme.
 */
class TemplateSandboxHostileTest {

    /** A view record of ours, with a static method a template must not reach. */
    public record Rec(String name) {
        public static Rec of(String name) {
            return new Rec(name);
        }
    }

    private static final Path CASES = TestSites.projectRoot().resolve("src/test/resources/hostile/trust/templates");
    private static final Pattern EXPECT = Pattern.compile("<#-- expect: (.+?) -->");
    private static final String SECRET = "SECRET-OUTSIDE-THE-THEME";

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ftlh")).sorted().toList().stream();
        }
    }

    private static Map<String, Object> model() {
        return Map.of("rec", new Rec("n"), "sev", Severity.ERROR, "str", "abc", "map", Map.of("k", "v"),
                "path", Path.of("/"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void hostileTemplate(String name, @TempDir Path dir) throws IOException {
        Path theme = Files.createDirectories(dir.resolve("a/b/theme"));
        Path outside = dir.resolve("outside.txt");
        Files.writeString(outside, SECRET);
        Files.writeString(dir.resolve("a/outside.txt"), SECRET);
        Path proof = dir.resolve("PROOF");
        String text = Files.readString(CASES.resolve(name))
                .replace("@PROOF@", proof.toString()).replace("@OUTSIDE@", outside.toString());
        Files.writeString(theme.resolve("page.ftlh"), text);
        Templates templates = new Templates(theme);
        if (name.startsWith("refused-")) {
            TemplateFailure f = assertThrows(TemplateFailure.class, () -> templates.render("page.ftlh", model()));
            Matcher why = EXPECT.matcher(text);
            assertTrue(why.find(), name + " says which refusal it expects");
            assertTrue(f.diagnostic().message().contains(why.group(1)), f.diagnostic().format());
            assertTrue(f.diagnostic().code().startsWith("template-"), f.diagnostic().format());
            assertTrue(f.diagnostic().file().endsWith("theme/page.ftlh"), f.diagnostic().format());
            assertFalse(f.diagnostic().message().contains(SECRET), f.diagnostic().format());
        } else {
            String out = templates.render("page.ftlh", model());
            assertEquals(Files.readString(CASES.resolve(name.replace(".ftlh", ".out")), StandardCharsets.UTF_8),
                    out.strip());
        }
        assertFalse(Files.exists(proof), "the template ran a command");
    }

    @Test
    void symlinkOutOfTheThemeIsNotFollowed(@TempDir Path dir) throws IOException {
        Path theme = Files.createDirectories(dir.resolve("theme"));
        Path outside = dir.resolve("outside.txt");
        Files.writeString(outside, SECRET);
        Files.createSymbolicLink(theme.resolve("leak.ftlh"), outside);
        Files.createSymbolicLink(theme.resolve("up"), dir);
        for (String include : List.of("leak.ftlh", "up/outside.txt")) {
            Files.writeString(theme.resolve("page.ftlh"), "<#include \"" + include + "\" parse=false>");
            Templates templates = new Templates(theme);
            TemplateFailure f = assertThrows(TemplateFailure.class, () -> templates.render("page.ftlh", model()),
                    include);
            assertFalse(f.diagnostic().message().contains(SECRET), f.diagnostic().format());
            // the template named directly is refused alike
            Files.writeString(theme.resolve("page.ftlh"), "ok");
            TemplateFailure g = assertThrows(TemplateFailure.class, () -> new Templates(theme).render("leak.ftlh", model()));
            assertTrue(g.diagnostic().code().startsWith("template-"), g.diagnostic().format());
        }
    }
}
