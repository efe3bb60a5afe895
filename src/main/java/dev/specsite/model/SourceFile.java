package dev.specsite.model;

/**
 * A Markdown file read from the source tree.
 *
 * @param path path relative to the source root, '/'-separated
 * @param text its content as text (byte-order mark removed)
 * @param hash hex content hash of the bytes as read
 */
public record SourceFile(String path, String text, String hash) implements java.io.Serializable {
}
