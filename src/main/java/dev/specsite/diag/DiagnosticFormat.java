package dev.specsite.diag;

import java.util.Locale;

/** The ways a list of diagnostics can be printed. */
public enum DiagnosticFormat {
    /** {@code path:line:col: severity: message [code]} and an indented hint line. */
    TEXT,
    /** GitHub Actions workflow commands ({@code ::warning file=…,line=…::message}). */
    GITHUB;

    /** Formats one diagnostic; {@code prefix} is prepended to the file path (e.g. the source folder). */
    public String format(Diagnostic d, String prefix) {
        String file = prefix + d.file();
        return switch (this) {
            case TEXT -> {
                Diagnostic shown = new Diagnostic(file, d.line(), d.column(), d.severity(), d.code(), d.message(), d.hint());
                yield d.hint() == null ? shown.format() : shown.format() + System.lineSeparator() + "    hint: " + d.hint();
            }
            case GITHUB -> {
                String level = switch (d.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    case INFO -> "notice";
                };
                yield "::" + level + " file=" + escapeProperty(file) + ",line=" + Math.max(1, d.line()) + ",col="
                        + Math.max(1, d.column()) + ",title=" + escapeProperty(d.code()) + "::"
                        + escapeData(d.message() + (d.hint() == null ? "" : " (" + d.hint() + ")"));
            }
        };
    }

    private static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }

    /** Parses a user-supplied name, case-insensitively. */
    public static DiagnosticFormat parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
