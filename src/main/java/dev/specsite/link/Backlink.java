package dev.specsite.link;

/**
 * A reference to a spec from another spec, for "Referenced by".
 *
 * @param fromId   the referring spec
 * @param context  the sentence the reference stands in
 * @param anchor   the anchor in the referenced spec (a requirement), or {@code null}
 * @param line     line in the referring spec's source
 */
public record Backlink(String fromId, String context, String anchor, int line) {
}
