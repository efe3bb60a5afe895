package dev.specsite.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.specsite.config.ConfigLoader;
import dev.specsite.config.SiteConfig;
import dev.specsite.render.TemplateFailure;
import dev.specsite.site.BuildResult;
import dev.specsite.site.SiteBuilder;
import dev.specsite.site.UnsafeOutputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code specsite build}: builds the site. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the site from a spec repository into the output folder.")
final class BuildCommand implements Callable<Integer> {

    @ParentCommand
    SpecsiteCommand parent;

    @Mixin
    SiteOptions options = new SiteOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Output folder (default: destination.folder of the configuration, 'target/site').")
    Path output;

    @Override
    public Integer call() {
        return run(parent, options, output, true);
    }

    static int run(SpecsiteCommand parent, SiteOptions options, Path output, boolean write) {
        SiteConfig config;
        try {
            config = options.load(output);
        } catch (ConfigLoader.ConfigException e) {
            parent.err.println("specsite: " + e.getMessage());
            return ExitCode.USAGE;
        }
        Reporter reporter = new Reporter(parent.err, options.quiet);
        BuildResult result;
        try {
            result = new SiteBuilder(config, reporter).build(write);
        } catch (UnsafeOutputException e) {
            reporter.diagnostics(config.diagnostics(), config, options.format);
            parent.err.println("specsite: refusing to build: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (java.io.FileNotFoundException e) {
            parent.err.println("specsite: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (TemplateFailure e) {
            reporter.diagnostics(config.diagnostics(), config, options.format);
            parent.err.println(e.diagnostic().format());
            parent.err.println("specsite: the theme failed; the previous site is left as it was");
            return ExitCode.FAILURE;
        } catch (IOException | UncheckedIOException e) {
            parent.err.println("specsite: " + e.getMessage());
            return ExitCode.FAILURE;
        }
        reporter.diagnostics(result.diagnostics(), config, options.format);
        String where = Reporter.displayPrefix(config.outputDir());
        where = where.isEmpty() ? "." : where.substring(0, where.length() - 1);
        int specs = result.index().specs().size();
        if (write) {
            parent.out.printf(java.util.Locale.ROOT, "Built %s from %s into %s in %.1f s (%d written, %d unchanged%s); %s.%n",
                    Reporter.plural(specs, "spec"), Reporter.displayPrefix(config.sourceDir()).replaceFirst("/$", ""),
                    where, result.millis() / 1000.0, result.written(), result.unchanged(),
                    result.deleted() > 0 ? ", " + result.deleted() + " removed" : "", Reporter.counts(result));
            parent.out.println("Open " + where + "/index.html");
        } else {
            parent.out.printf(java.util.Locale.ROOT, "Checked %s in %.1f s: %s.%n", Reporter.plural(specs, "spec"),
                    result.millis() / 1000.0, Reporter.counts(result));
        }
        parent.out.flush();
        return result.failed(options.strict) ? ExitCode.SPEC_ERRORS : ExitCode.OK;
    }
}
