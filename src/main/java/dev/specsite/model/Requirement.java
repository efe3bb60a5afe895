package dev.specsite.model;

/**
 * A numbered requirement such as {@code FR-1} or {@code NFR-3}.
 *
 * @param id      the requirement id as written
 * @param text    its text without the id
 * @param section canonical title of the section it stands in, or empty
 * @param line    1-based source line
 */
public record Requirement(String id, String text, String section, int line) implements java.io.Serializable {
    /** The HTML id of the requirement in the spec page. */
    public String anchor() {
        return id;
    }
}
