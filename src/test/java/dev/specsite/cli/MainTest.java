package dev.specsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.TestSites;

class MainTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void versionAndHelp() {
        Run v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("specsite "));
        Run h = run("--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("build") && h.out().contains("check"));
        assertTrue(run("build", "--help").out().contains("--strict"));
    }

    @Test
    void usageErrorsExit2() {
        assertEquals(2, run("build", "--no-such-option").code());
        assertEquals(2, run("frobnicate").code());
        Run missing = run("build", "--source", "/definitely/not/here", "--output", "/tmp/specsite-never");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("source folder not found"));
    }

    @Test
    void buildPrintsWhereTheSiteIsAndExits0(@TempDir Path dir) throws IOException {
        Path src = TestSites.write(dir.resolve("src"), """
                -- a.md --
                # SPEC-1: A

                **Status**: Draft

                See SPEC-2.
                -- b.md --
                # SPEC-2: B

                **Status**: Approved
                """);
        Path out = dir.resolve("site");
        Run r = run("build", "--source", src.toString(), "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Built 2 specs"), r.out());
        assertTrue(r.out().contains("index.html"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("specs/SPEC-1.html")));
    }

    @Test
    void warningsFailOnlyUnderStrict(@TempDir Path dir) throws IOException {
        Path src = TestSites.write(dir.resolve("src"), """
                -- a.md --
                # SPEC-1: A

                **Status**: Pondering
                """);
        Path out = dir.resolve("site");
        Run lax = run("build", "--source", src.toString(), "--output", out.toString());
        assertEquals(0, lax.code());
        assertTrue(lax.err().contains("a.md:3:1: warning: unknown status 'Pondering' [unknown-status]"), lax.err());
        assertEquals(1, run("build", "--strict", "--source", src.toString(), "--output", out.toString()).code());
        assertEquals(1, run("check", "--strict", "--source", src.toString()).code());
        assertEquals(0, run("check", "--source", src.toString()).code());
    }

    @Test
    void errorsExit1AndCheckWritesNothing(@TempDir Path dir) throws IOException {
        Path src = TestSites.write(dir.resolve("src"), """
                -- a.md --
                ---
                id: [broken
                ---
                # A
                """);
        Run r = run("check", "--source", src.toString(), "--format", "github");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("::error file="), r.err());
        assertFalse(Files.exists(dir.resolve("target")));
    }

    @Test
    void refusesToWriteOverItsSource(@TempDir Path dir) throws IOException {
        Path src = TestSites.write(dir.resolve("src"), "-- a.md --\n# A\n");
        Run r = run("build", "--source", src.toString(), "--output", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("refusing"), r.err());
    }
}
