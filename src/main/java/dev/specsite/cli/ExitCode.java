package dev.specsite.cli;

/** The exit codes of the command line, named. */
public final class ExitCode {
    /** Everything went well. */
    public static final int OK = 0;
    /** The specs have errors (or warnings, under {@code --strict}). */
    public static final int SPEC_ERRORS = 1;
    /** The command line or the configuration is wrong. */
    public static final int USAGE = 2;
    /** specsite itself failed (I/O, a theme template, a bug). */
    public static final int FAILURE = 3;

    private ExitCode() {
    }
}
