package dev.specsite.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.specsite.config.ConfigLoader;
import dev.specsite.config.SiteConfig;
import dev.specsite.diag.DiagnosticFormat;
import picocli.CommandLine.Option;

/** Options shared by the commands that read a spec repository. */
final class SiteOptions {
    @Option(names = {"-s", "--source"}, paramLabel = "DIR",
            description = "Spec repository to read (default: content.folder of the configuration, 'content').")
    Path source;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: site-config.properties in the --source folder when one is given, else in the working folder; every key has a default).")
    Path config;

    @Option(names = "--trust-config", description = "Trust the configuration file: let it name template, asset, "
            + "content and output folders outside its own folder, and regular expressions of any shape. Without it "
            + "such a value is ignored (its default used) with an error [config-outside-repository], "
            + "[config-unsafe-pattern].")
    boolean trustConfig;

    @Option(names = "--strict", description = "Fail (exit 1) on warnings too.")
    boolean strict;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Diagnostics format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DiagnosticFormat format;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and the summary.")
    boolean quiet;

    /** Loads the configuration; {@code output} may be {@code null}. */
    SiteConfig load(Path output) {
        Path cwd = Path.of("").toAbsolutePath();
        Path file = config;
        Path project = cwd;
        if (file == null) {
            // a repository named with --source may carry its own configuration; without --source, the working folder's
            Path candidate = source != null ? source.toAbsolutePath().resolve(ConfigLoader.DEFAULT_FILE)
                    : cwd.resolve(ConfigLoader.DEFAULT_FILE);
            file = Files.isRegularFile(candidate) ? candidate : null;
            if (file != null && source != null) {
                project = source.toAbsolutePath();
            }
        } else {
            project = file.toAbsolutePath().getParent();
        }
        return ConfigLoader.load(file, project, source, output, trustConfig);
    }
}
