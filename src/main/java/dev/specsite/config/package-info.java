/**
 * The floor, beside {@code model} and {@code diag}: the site configuration, read through JBake's
 * configuration API ({@link dev.specsite.config.ConfigLoader}) into one immutable
 * {@link dev.specsite.config.SiteConfig}. A configuration file is untrusted
 * unless the caller says otherwise ({@link dev.specsite.config.ConfigGuard}). Imports only {@code diag}.
 */
package dev.specsite.config;
