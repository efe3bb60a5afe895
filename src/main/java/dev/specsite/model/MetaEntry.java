package dev.specsite.model;

/**
 * One metadata key and value as written in a spec, in source order.
 *
 * @param key   the key as written ({@code Last Updated})
 * @param field the canonical field it maps to ({@code updated}), or {@code null} for extra metadata
 * @param value the value as text, trimmed, Markdown emphasis removed
 * @param line  1-based line in the source file
 */
public record MetaEntry(String key, String field, String value, int line) implements java.io.Serializable {
}
