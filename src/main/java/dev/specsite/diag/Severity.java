package dev.specsite.diag;

/** How serious a {@link Diagnostic} is. Ordered from least to most severe. */
public enum Severity {
    INFO, WARNING, ERROR;

    /** The lower-case word used in text and JSON output. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
