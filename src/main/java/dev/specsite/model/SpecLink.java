package dev.specsite.model;

/**
 * A reference from one spec to something else, as found in the text: a Markdown link, an image, or
 * an id mention. Resolution happens in the link stage.
 *
 * @param index   position in the spec's list, used as placeholder key in the rendered body
 * @param kind    {@code link}, {@code image} or {@code mention}
 * @param target  the destination as written ({@code ../auth/reset.md#flow}, {@code SPEC-042#FR-3})
 * @param context the sentence the reference stands in, for "Referenced by" lists
 * @param line    1-based source line
 * @param column  1-based source column
 */
public record SpecLink(int index, String kind, String target, String context, int line, int column) implements java.io.Serializable {
}
