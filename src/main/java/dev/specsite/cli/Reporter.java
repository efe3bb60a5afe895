package dev.specsite.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.diag.DiagnosticFormat;
import dev.specsite.diag.Severity;
import dev.specsite.site.BuildListener;
import dev.specsite.site.BuildResult;

/** Prints diagnostics, progress and summaries for the commands. */
final class Reporter implements BuildListener {
    private final PrintWriter err;
    private final boolean quiet;
    private int total;
    private final long start = System.nanoTime();

    Reporter(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void stage(String name, int items) {
        if (name.equals("parse")) {
            total = items;
        }
        if (!quiet && total >= 1000) {
            err.printf(java.util.Locale.ROOT, "%s… (%.1f s)%n", label(name, items), (System.nanoTime() - start) / 1e9);
            err.flush();
        }
    }

    @Override
    public void progress(String stage, int done, int all) {
        if (!quiet && all >= 2000) {
            err.printf(java.util.Locale.ROOT, "  %s: %d/%d%n", stage, done, all);
            err.flush();
        }
    }

    /**
     * Prints the diagnostics, with paths as seen from the working folder: those of the configuration
     * file relative to its project folder, the others relative to the source folder.
     */
    void diagnostics(List<Diagnostic> diagnostics, SiteConfig config, DiagnosticFormat format) {
        String prefix = displayPrefix(config.sourceDir());
        String projectPrefix = displayPrefix(config.projectDir());
        Set<Diagnostic> ofConfig = config.diagnostics().isEmpty() ? Set.of() : new HashSet<>(config.diagnostics());
        for (Diagnostic d : diagnostics) {
            if (d.severity() == Severity.INFO || quiet && d.severity() != Severity.ERROR) {
                continue;
            }
            err.println(format.format(d, d.file().startsWith("/") || d.file().startsWith("(") ? ""
                    : ofConfig.contains(d) ? projectPrefix : prefix));
        }
        err.flush();
    }

    static String displayPrefix(Path source) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = source.toAbsolutePath().normalize();
        String p = abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
        p = p.replace('\\', '/');
        return p.isEmpty() ? "" : p + "/";
    }

    static String counts(BuildResult r) {
        long e = r.count(Severity.ERROR);
        long w = r.count(Severity.WARNING);
        return plural(e, "error") + ", " + plural(w, "warning");
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String label(String stage, int items) {
        return switch (stage) {
            case "scan" -> "Scanning the source folder";
            case "git" -> "Reading the Git history";
            case "parse" -> "Parsing " + items + " specs";
            case "link" -> "Linking " + items + " specs";
            case "index" -> "Indexing";
            case "render" -> "Rendering " + items + " specs";
            case "write" -> "Writing";
            case "cache" -> "Saving the build cache";
            default -> stage;
        };
    }
}
