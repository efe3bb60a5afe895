package dev.specsite.model;

/**
 * A typed relation declared in metadata, such as {@code supersedes: ADR-002}.
 *
 * @param type   {@code supersedes}, {@code superseded-by}, {@code depends-on}, {@code related}, …
 * @param target the id (or path) named as written
 * @param line   1-based source line
 */
public record Relation(String type, String target, int line) implements java.io.Serializable {
}
