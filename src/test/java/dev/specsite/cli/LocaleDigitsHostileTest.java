package dev.specsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.TestSites;

/**
 * Attack: the command line printed its figures in the default locale's way: "0,4 s" under a German
 * locale, Thai digits under th-TH-u-nu-thai, which scripts that read the summary cannot parse. Every
 * figure is printed with ASCII digits and a point, whatever the locale. (Surefire runs the test classes
 * of this project one after another, so the default locale set here reaches no other test.)
 */
class LocaleDigitsHostileTest {

    @TempDir
    Path tmp;

    @Test
    void figuresAreAsciiUnderEveryLocale() throws Exception {
        Path src = TestSites.write(tmp.resolve("src"), """
                -- a.md --
                # SPEC-1: One

                **Status**: Draft

                Text.
                """);
        Locale saved = Locale.getDefault();
        for (Locale l : new Locale[] {Locale.forLanguageTag("th-TH-u-nu-thai"), Locale.GERMANY,
            Locale.forLanguageTag("ar-EG"), Locale.forLanguageTag("tr-TR")}) {
            try {
                Locale.setDefault(l);
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int code = Main.run(new PrintWriter(out), new PrintWriter(err), "build", "--source", src.toString(),
                        "--output", tmp.resolve("out-" + l.toLanguageTag()).toString());
                assertEquals(0, code, err.toString());
                assertTrue(out.toString().matches("(?s)Built 1 spec from .* in \\d+\\.\\d s \\(\\d+ written, 0 unchanged\\); "
                        + "0 errors, 0 warnings\\.\\nOpen .*"), l + ": " + out);

                StringWriter progress = new StringWriter();
                Reporter r = new Reporter(new PrintWriter(progress), false);
                r.stage("parse", 2000);
                r.progress("parse", 1500, 2000);
                assertTrue(progress.toString().matches("Parsing 2000 specs… \\(\\d+\\.\\d s\\)\\n  parse: 1500/2000\\n"),
                        l + ": " + progress);
            } finally {
                Locale.setDefault(saved);
            }
        }
    }
}
