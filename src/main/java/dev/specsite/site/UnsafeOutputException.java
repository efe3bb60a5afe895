package dev.specsite.site;

/** The output folder is one specsite must not write into (the source, a parent of it, the root, home). */
public final class UnsafeOutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsafeOutputException(String message) {
        super(message);
    }
}
