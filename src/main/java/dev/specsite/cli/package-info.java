/**
 * The command line (picocli): thin commands over {@link dev.specsite.site.SiteBuilder}. Owns all
 * output and exit codes ({@link dev.specsite.cli.ExitCode}). May import every package.
 */
package dev.specsite.cli;
