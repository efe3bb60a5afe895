package dev.specsite.model;

import java.util.List;

/**
 * One metadata key and value as written in a spec, in source order.
 *
 * @param key   the key as written ({@code Last Updated})
 * @param field the canonical field it maps to ({@code updated}), or {@code null} for extra metadata
 * @param value the value as text, trimmed, Markdown emphasis removed
 * @param line  1-based line in the source file
 * @param html  the value as inline HTML when its Markdown has links, code or emphasis, with its links
 *              as the link stage's placeholders ({@code href="specsite:link/N"}, N an index of the
 *              spec's {@link Spec#links()}); {@code null} when the value is plain text
 * @param links the links of the value, in order
 */
public record MetaEntry(String key, String field, String value, int line, String html, List<MetaLink> links)
        implements java.io.Serializable {

    public MetaEntry {
        links = List.copyOf(links);
    }

    /** A value of plain text. */
    public MetaEntry(String key, String field, String value, int line) {
        this(key, field, value, line, null, List.of());
    }

    /**
     * A link of a metadata value.
     *
     * @param index the link's index in the spec's {@link Spec#links()} (its target as written, its resolution)
     * @param text  the link's text
     */
    public record MetaLink(int index, String text) implements java.io.Serializable {
    }
}
