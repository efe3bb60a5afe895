package dev.specsite.model;

import java.util.List;

/**
 * A Markdown file read from the source tree.
 *
 * @param path     path relative to the source root, '/'-separated
 * @param text     its content as text (byte-order mark removed); {@code null} when the scan did not
 *                 read it because its size and time showed it unchanged since a cached parse
 * @param hash     hex content hash of the bytes as read (sidecars included, so that a changed
 *                 sidecar re-parses the file)
 * @param sidecars metadata files of its folder, in configured order
 */
public record SourceFile(String path, String text, String hash, List<Sidecar> sidecars) implements java.io.Serializable {
    public SourceFile {
        sidecars = List.copyOf(sidecars);
    }

    /** A file without sidecars. */
    public SourceFile(String path, String text, String hash) {
        this(path, text, hash, List.of());
    }
}
