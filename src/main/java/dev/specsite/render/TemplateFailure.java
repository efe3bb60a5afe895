package dev.specsite.render;

import dev.specsite.diag.Diagnostic;

/** A template that could not be rendered, carried as a diagnostic pointing into the theme. */
public final class TemplateFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Diagnostic diagnostic;

    public TemplateFailure(Diagnostic diagnostic, Throwable cause) {
        super(diagnostic.format(), cause);
        this.diagnostic = diagnostic;
    }

    /** What went wrong, where in the theme. */
    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
