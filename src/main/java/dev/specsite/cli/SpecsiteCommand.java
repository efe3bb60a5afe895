package dev.specsite.cli;

import java.io.PrintWriter;

import dev.specsite.site.SiteBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: lists the subcommands. */
@Command(name = "specsite", mixinStandardHelpOptions = true, versionProvider = SpecsiteCommand.Version.class,
        description = "Builds a static site from a repository of Markdown specifications.",
        subcommands = {BuildCommand.class, CheckCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 errors in the specs (warnings too with --strict), 2 usage error, 3 failure."})
public final class SpecsiteCommand implements Runnable {

    final PrintWriter out;
    final PrintWriter err;

    @Spec
    CommandSpec spec;

    SpecsiteCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        spec.commandLine().usage(out);
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {SiteBuilder.generator(), "Java " + System.getProperty("java.version")};
        }
    }
}
