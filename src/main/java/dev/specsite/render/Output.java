package dev.specsite.render;

/**
 * One file of the site, rendered in memory.
 *
 * @param path  path in the site, '/'-separated
 * @param bytes its content
 */
public record Output(String path, byte[] bytes) {
}
