package dev.specsite.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code specsite check}: everything a build does but writing; for CI. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a spec repository without writing anything: print diagnostics, exit 1 on errors.")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    SpecsiteCommand parent;

    @Mixin
    SiteOptions options = new SiteOptions();

    @Override
    public Integer call() {
        return BuildCommand.run(parent, options, null, false);
    }
}
