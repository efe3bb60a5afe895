package dev.specsite.model;

/**
 * An entry of a Related Documents (or References, See also) section.
 *
 * @param title  the entry's text, or the link text
 * @param target the link's destination as written, or {@code null} for an entry without a link
 * @param line   1-based source line
 */
public record RelatedDocument(String title, String target, int line) implements java.io.Serializable {
}
