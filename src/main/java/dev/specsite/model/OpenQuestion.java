package dev.specsite.model;

/**
 * A question the spec leaves open (or records as answered).
 *
 * @param text     the question
 * @param anchor   HTML id of its place in the spec page
 * @param line     1-based source line
 * @param resolved whether it is marked answered (a checked item)
 * @param kind     where it came from: {@code section}, {@code needs-clarification}, {@code unresolved-block}, {@code tbd}
 */
public record OpenQuestion(String text, String anchor, int line, boolean resolved, String kind) implements java.io.Serializable {
}
