package dev.specsite.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;

/** The entry point: {@code System.exit(run(args))}; tests call {@link #run} directly. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /** Runs the command line and returns its exit code; prints only to the given writers. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new SpecsiteCommand(out, err));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("specsite: internal error: " + ex);
            ex.printStackTrace(err);
            return ExitCode.FAILURE;
        });
        cl.setParameterExceptionHandler((ex, args1) -> {
            err.println("specsite: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try 'specsite " + (ex.getCommandLine().getParent() == null ? "" : ex.getCommandLine().getCommandName() + " ")
                    + "--help' for more information.");
            return ExitCode.USAGE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
