package dev.specsite.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.specsite.TestSites;
import dev.specsite.config.SiteConfig;
import dev.specsite.model.Approval;
import dev.specsite.model.SourceFile;

/**
 * Sign-offs only where they are sign-offs: a corpus of prose paragraphs in sign-off sections
 * ({@code signoffs/prose.md}: wrapped sentences ending in a colon, notes, dates, questions) gives none,
 * and every shape of a real sign-off ({@code signoffs/signoffs.md}) is read with its role, name and state.
 * Outside such sections ({@code signoffs/outside.md}) only a list item with a role word and a state as
 * its value is one.
 */
class SignOffTest {

    private static String resource(String name) throws IOException {
        try (var in = SignOffTest.class.getResourceAsStream("/signoffs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void proseInASignOffSectionIsNoSignOff() throws IOException {
        List<Approval> found = ParseFixture.parse("specs/prose.md", resource("prose.md")).spec().approvals();
        assertEquals(List.of(), found, "prose taken as sign-offs");
    }

    @Test
    void everyShapeOfASignOffIsRead() throws IOException {
        List<String> found = ParseFixture.parse("specs/signoffs.md", resource("signoffs.md")).spec().approvals()
                .stream().map(a -> a.role() + " | " + a.name() + " | " + a.state()).toList();
        assertEquals(List.of(
                "Engineering Lead | Mara Lindqvist | approved",
                "Architecture Lead | null | missing",
                "Security Lead | null | missing",
                "Product Owner | Priya Raman | approved",
                "QA | Tom Baker | pending",
                "Legal | null | rejected",
                "Ops | Lee | pending"), found);
    }

    @Test
    void outsideASignOffSectionOnlyARoleWithAStateIsOne() throws IOException {
        List<String> found = ParseFixture.parse("specs/outside.md", resource("outside.md")).spec().approvals()
                .stream().map(a -> a.role() + " | " + a.name() + " | " + a.state()).toList();
        assertEquals(List.of(
                "Security Lead | Ann Lee | approved",
                "QA sign-off | null | pending",
                "Legal | Sam Okafor | approved",
                "Product Owner | Priya Raman | approved",
                "Architecture review board | null | rejected"), found);
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path tmp;

    @Test
    void theRoleWordsAreConfigurable() throws IOException {
        String text = "# T\n\n## Approvals\n\nsteward: Ann\nconcurrently:\n";
        assertEquals(List.of(), ParseFixture.parse("specs/t.md", text).spec().approvals(),
                "an uncapitalised key that is no role word is prose");
        SiteConfig config = TestSites.config(tmp, tmp.resolve("out"), tmp, SignOffLines.ROLES_KEY + "=steward, lead\n", tmp);
        List<Approval> found = new SpecParser(config).parse(new SourceFile("specs/t.md", text, "h")).spec().approvals();
        assertEquals(List.of("steward"), found.stream().map(Approval::role).toList(), "a configured role word");
    }
}
