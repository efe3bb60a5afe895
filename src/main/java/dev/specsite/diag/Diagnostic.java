package dev.specsite.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * A problem found in the input: where it is, how bad it is, a stable code and a hint.
 *
 * @param file     the source path relative to the source root, '/'-separated
 * @param line     1-based line, or 0 when the problem concerns the whole file
 * @param column   1-based column, or 0 when unknown
 * @param severity how serious it is
 * @param code     a stable, kebab-case identifier such as {@code unknown-status}
 * @param message  one sentence saying what is wrong
 * @param hint     what to do about it, or {@code null}
 */
public record Diagnostic(String file, int line, int column, Severity severity, String code, String message,
                         String hint) implements java.io.Serializable {

    /** Orders diagnostics by file, line, column, then code: the order every report uses. */
    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::file)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::code)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(String file, int line, int column, String code, String message, String hint) {
        return new Diagnostic(file, line, column, Severity.ERROR, code, message, hint);
    }

    public static Diagnostic warning(String file, int line, int column, String code, String message, String hint) {
        return new Diagnostic(file, line, column, Severity.WARNING, code, message, hint);
    }

    public static Diagnostic info(String file, int line, int column, String code, String message, String hint) {
        return new Diagnostic(file, line, column, Severity.INFO, code, message, hint);
    }

    /** {@code path:line:col: severity: message [code]}, the format compilers use and editors understand. */
    public String format() {
        StringBuilder sb = new StringBuilder(file);
        sb.append(':').append(Math.max(line, 1)).append(':').append(Math.max(column, 1));
        sb.append(": ").append(severity.label()).append(": ").append(message).append(" [").append(code).append(']');
        return sb.toString();
    }
}
