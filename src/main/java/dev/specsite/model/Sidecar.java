package dev.specsite.model;

/**
 * A metadata file beside a spec ({@code kep.yaml}, {@code metadata.yaml}) whose keys merge into the
 * metadata of the Markdown files of its folder.
 *
 * @param path path relative to the source root, '/'-separated
 * @param text its content as text
 */
public record Sidecar(String path, String text) implements java.io.Serializable {
}
