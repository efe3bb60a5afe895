package dev.specsite.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.diag.Diagnostic;
import dev.specsite.diag.Severity;

/**
 * The people file is untrusted input: whatever it holds is read as a tree of text, its problems are
 * diagnostics at their line and column (never an exception), and what could be read is used.
 */
class PeopleFileTest {

    @TempDir
    Path repo;

    private PeopleFile read(String yaml) throws IOException {
        Files.createDirectories(repo.resolve("content"));
        Files.writeString(repo.resolve("content/people.yaml"), yaml);
        return PeopleFile.read(config(null), null);
    }

    /** The configuration of the repository, with its file's lines (or none). */
    private SiteConfig config(String properties) throws IOException {
        Files.createDirectories(repo.resolve("content"));
        if (properties == null) {
            return ConfigLoader.load(null, repo, repo.resolve("content"), repo.resolve("out"));
        }
        Path file = repo.resolve("site-config.properties");
        Files.writeString(file, properties);
        return ConfigLoader.load(file, repo, null, null);
    }

    private static List<String> formatted(PeopleFile f) {
        return f.diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void entriesGiveHandlesNamesAliasesAndUrls() throws IOException {
        PeopleFile f = read("""
                # the team
                - handle: sam
                  name: Sam Okafor
                  aliases: [sokafor, "Samuel Okafor"]
                  url: https://example.org/~sam
                - handle: "@tobias"
                  aliases: Tobi
                """);
        assertEquals(List.of(), f.diagnostics());
        assertEquals("people.yaml", f.name());
        assertEquals(List.of(new Person("sam", "Sam Okafor", List.of("sokafor", "Samuel Okafor"), "https://example.org/~sam", 2),
                new Person("@tobias", null, List.of("Tobi"), null, 6)), f.people().persons());
        assertEquals("sam", f.people().who("Samuel_Okafor").slug());
        assertEquals("tobias", f.people().who("tobi").slug());
    }

    @Test
    void noFileIsNoPeopleAndNoProblem() throws IOException {
        PeopleFile f = PeopleFile.read(config(null), null);
        assertEquals(People.NONE, f.people());
        assertEquals(List.of(), f.diagnostics());
        assertEquals("none", f.digest());
    }

    @Test
    void malformedYamlIsAnErrorAtItsPlace() throws IOException {
        PeopleFile f = read("- handle: sam\n  name: [Sam\n- handle: tobias\n");
        assertEquals(People.NONE, f.people());
        assertEquals(1, f.diagnostics().size(), formatted(f).toString());
        Diagnostic d = f.diagnostics().get(0);
        assertEquals("people-syntax", d.code());
        assertEquals(Severity.ERROR, d.severity());
        assertEquals("people.yaml", d.file());
        assertTrue(d.line() >= 2 && d.column() >= 1, d.format());
        assertTrue(d.format().matches("people\\.yaml:\\d+:\\d+: error: the people file is not valid YAML: .* \\[people-syntax]"),
                d.format());
    }

    @Test
    void aFileThatIsNoListIsAnError() throws IOException {
        assertEquals(List.of("people.yaml:1:1: error: the people file is not a list of people [people-syntax]"),
                formatted(read("sam: Sam Okafor\n")));
    }

    @Test
    void entriesOfTheWrongShapeAreLeftOutAndTheRestIsUsed() throws IOException {
        PeopleFile f = read("""
                - just a name
                - name: No Handle
                - handle: [a, b]
                - handle: ann
                  name: {first: Ann}
                  email: ann@example.org
                  aliases: [annie, [nested]]
                - handle: bo
                  name: Bo
                  name: Bob
                """);
        assertEquals(List.of(new Person("ann", null, List.of("annie"), null, 4), new Person("bo", "Bo", List.of(), null, 8)),
                f.people().persons());
        assertEquals(List.of(
                "people.yaml:1:3: warning: an entry of the people file is not a set of 'key: value' lines; it is left out [people-invalid]",
                "people.yaml:2:3: warning: a people entry has no handle; it is left out [people-invalid]",
                "people.yaml:3:3: warning: a people entry has no handle; it is left out [people-invalid]",
                "people.yaml:3:11: warning: 'handle' is not a single value; it is ignored [people-invalid]",
                "people.yaml:5:9: warning: 'name' is not a single value; it is ignored [people-invalid]",
                "people.yaml:6:3: warning: unknown key 'email' in a people entry; it is ignored [people-invalid]",
                "people.yaml:7:20: warning: 'aliases' is not a single value; it is ignored [people-invalid]",
                "people.yaml:10:3: warning: 'name' is given twice in one entry; the first is used [people-invalid]"),
                formatted(f));
    }

    @Test
    void aUrlThatIsNotHttpIsRefused() throws IOException {
        PeopleFile f = read("""
                - handle: mallory
                  url: javascript:alert(document.cookie)
                - handle: eve
                  url: "data:text/html,<script>alert(1)</script>"
                - handle: ok
                  url: HTTPS://example.org/ok
                - handle: relative
                  url: /people/relative
                """);
        assertNull(f.people().who("mallory").url());
        assertNull(f.people().who("eve").url());
        assertNull(f.people().who("relative").url());
        assertEquals("HTTPS://example.org/ok", f.people().who("ok").url());
        assertEquals(List.of(2, 4, 8), f.diagnostics().stream().map(Diagnostic::line).toList());
        assertTrue(f.diagnostics().stream().allMatch(d -> d.code().equals("people-unsafe-url") && d.column() == 8),
                formatted(f).toString());
        assertTrue(formatted(f).get(0).contains("the url of 'mallory' is not an http: or https: URL"), formatted(f).get(0));
    }

    @Test
    void aSpellingTwoEntriesClaimStaysWithTheFirst() throws IOException {
        PeopleFile f = read("""
                - handle: sam
                  aliases: [sammy]
                - handle: Sam
                - handle: samuel
                  name: Sammy
                  aliases: [Sam_Okafor]
                """);
        assertEquals(List.of("sam", "samuel"), f.people().persons().stream().map(Person::handle).toList());
        assertEquals("sam", f.people().who("sammy").slug());
        assertEquals("samuel", f.people().who("sam okafor").slug());
        assertEquals(List.of(
                "people.yaml:3:11: warning: handle 'Sam' already means 'sam' (line 1); this entry is left out [people-conflict]",
                "people.yaml:5:9: warning: name 'Sammy' already means 'sam' (line 1); it does not join this entry [people-conflict]"),
                formatted(f));
    }

    @Test
    void nothingIsConstructedFromTags() throws IOException {
        PeopleFile f = read("""
                - handle: ann
                - handle: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x/"]]]]
                """);
        assertEquals(People.NONE, f.people());
        assertEquals(List.of("people.yaml:2:11: error: the people file is not valid YAML: Global tag is not allowed:"
                + " tag:yaml.org,2002:javax.script.ScriptEngineManager [people-syntax]"), formatted(f));
        PeopleFile standard = read("- handle: !!str ann\n  url: !!str https://example.org/ann\n  name: !!int 7\n");
        assertEquals(List.of(), standard.diagnostics());
        assertEquals("https://example.org/ann", standard.people().who("ann").url(), "a standard tag: the text is used");
        assertEquals("7", standard.people().who("ann").name());
    }

    @Test
    void aliasBombsAndDeepNestingAreRefused() throws IOException {
        StringBuilder bomb = new StringBuilder("- handle: a\n  aliases: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append("- handle: a").append(i).append("\n  aliases: &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        assertEquals(List.of("people-syntax"), read(bomb.toString()).diagnostics().stream().map(Diagnostic::code).toList());
        String deep = "- handle: d\n  aliases: " + "[".repeat(200) + "]".repeat(200) + "\n";
        assertEquals(List.of("people-syntax"), read(deep).diagnostics().stream().map(Diagnostic::code).toList());
    }

    @Test
    void aHugeFileIsNotRead() throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; yaml.length() <= PeopleFile.MAX_BYTES; i++) {
            yaml.append("- handle: person").append(i).append("\n  name: Person Number ").append(i).append('\n');
        }
        PeopleFile f = read(yaml.toString());
        assertEquals(People.NONE, f.people());
        assertEquals(1, f.diagnostics().size());
        assertEquals("file-too-large", f.diagnostics().get(0).code());
        assertEquals(Severity.ERROR, f.diagnostics().get(0).severity());
        assertTrue(f.diagnostics().get(0).message().contains("over the limit of 1000000"), f.diagnostics().get(0).message());
    }

    @Test
    void aFileNotInUtf8IsAnError() throws IOException {
        Files.createDirectories(repo.resolve("content"));
        Files.write(repo.resolve("content/people.yaml"), "- handle: jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of("people.yaml:1:1: error: the people file is not UTF-8 text; it is not read [people-syntax]"),
                formatted(PeopleFile.read(config(null), null)));
    }

    @Test
    void aConfiguredPathInsideTheRepositoryIsRead() throws IOException {
        Files.createDirectories(repo.resolve("team"));
        Files.writeString(repo.resolve("team/who.yml"), "- handle: ann\n  url: https://example.org/ann\n");
        PeopleFile f = PeopleFile.read(config("specsite.people=team/who.yml\n"), null);
        assertEquals("team/who.yml", f.name());
        assertEquals("https://example.org/ann", f.people().who("Ann").url());
    }

    @Test
    void aConfiguredPathOutsideTheRepositoryIsRefused(@TempDir Path elsewhere) throws IOException {
        Path outside = elsewhere.resolve("people.yaml");
        Files.writeString(outside, "- handle: ann\n  name: Ann From Outside\n");
        for (String value : List.of(outside.toString(), "../" + repo.relativize(outside).toString(),
                "../../../../../../../../../../etc/passwd", ".git/config")) {
            SiteConfig c = config("specsite.title=T\nspecsite.people=" + value + "\n");
            assertEquals(1, c.diagnostics().size(), value + ": " + c.diagnostics());
            Diagnostic d = c.diagnostics().get(0);
            assertEquals("config-outside-repository", d.code());
            assertEquals(2, d.line(), "at the key's line");
            assertTrue(d.message().endsWith("; the source folder's people.yaml is used"), d.message());
            assertEquals(repo.resolve("content/people.yaml"), c.peopleFile(), value);
            assertEquals(People.NONE, PeopleFile.read(c, null).people());
        }
        Files.writeString(repo.resolve("site-config.properties"), "specsite.people=" + outside + "\n");
        SiteConfig trusted = ConfigLoader.load(repo.resolve("site-config.properties"), repo, null, null, true);
        assertEquals(List.of(), trusted.diagnostics());
        assertEquals("Ann From Outside", PeopleFile.read(trusted, null).people().who("ann").name(),
                "a trusted configuration may name any file");
    }

    @Test
    void aSymbolicLinkIsNotFollowed(@TempDir Path elsewhere) throws IOException {
        Path target = elsewhere.resolve("secret.yaml");
        Files.writeString(target, "- handle: ann\n");
        Files.createDirectories(repo.resolve("content"));
        try {
            Files.createSymbolicLink(repo.resolve("content/people.yaml"), target);
        } catch (UnsupportedOperationException | IOException e) {
            return; // no symbolic links on this file system
        }
        PeopleFile f = PeopleFile.read(config(null), null);
        assertEquals(People.NONE, f.people());
        assertEquals(List.of("symlink-skipped"), f.diagnostics().stream().map(Diagnostic::code).toList());
    }

    @Test
    void aConfiguredFileThatIsMissingIsAWarning() throws IOException {
        PeopleFile f = PeopleFile.read(config("specsite.people=team/people.yaml\n"), null);
        assertEquals(List.of("team/people.yaml:1:1: warning: specsite.people names 'team/people.yaml', which does not"
                + " exist; owners are joined by the automatic rules only [people-missing]"), formatted(f));
    }

    @Test
    void theSameBytesAreNotParsedAgain() throws IOException {
        PeopleFile first = read("- handle: ann\n");
        assertSame(first, PeopleFile.read(config(null), first));
        Files.writeString(repo.resolve("content/people.yaml"), "- handle: bo\n");
        PeopleFile second = PeopleFile.read(config(null), first);
        assertEquals(List.of("bo"), second.people().persons().stream().map(Person::handle).toList());
        assertTrue(!second.digest().equals(first.digest()), "another digest: another build key");
    }
}
