/**
 * The floor, beside {@code model} and {@code diag}: the site configuration, read through JBake's
 * configuration API ({@link dev.specsite.config.ConfigLoader}) into one immutable
 * {@link dev.specsite.config.SiteConfig}. Imports nothing of ours.
 */
package dev.specsite.config;
