package dev.specsite.model;

/**
 * A heading of a spec. Sections form a tree through their levels; the list keeps document order.
 *
 * @param title  canonical name, numbering stripped ({@code 6. Risks} gives {@code Risks})
 * @param number the numbering as written ({@code 6.}, {@code 2.1}), or empty
 * @param anchor unique, stable HTML id of the heading in the spec page
 * @param level  heading level, 1 to 6
 * @param line   1-based source line
 */
public record Section(String title, String number, String anchor, int level, int line) implements java.io.Serializable {
}
