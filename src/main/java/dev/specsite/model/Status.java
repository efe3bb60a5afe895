package dev.specsite.model;

/**
 * A spec's status: the normalised slug from the configured vocabulary and the text as written.
 *
 * @param slug  lower-case slug such as {@code in-review}, or {@code null} when the value is not in
 *              the vocabulary (or there is no status at all)
 * @param label the raw text as written in the spec, or {@code null} when there is none
 */
public record Status(String slug, String label) implements java.io.Serializable {
    /** No status declared. */
    public static final Status NONE = new Status(null, null);

    /** Whether the spec declares any status text. */
    public boolean declared() {
        return label != null;
    }
}
