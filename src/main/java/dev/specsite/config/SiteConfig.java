package dev.specsite.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.specsite.diag.Diagnostic;

/**
 * Everything a build needs to know, resolved and typed. Built by {@link ConfigLoader} from
 * {@code site-config.properties} (JBake's configuration API) and the command line.
 *
 * @param projectDir       the folder the configuration file lives in (or the working folder)
 * @param sourceDir        the spec repository to read
 * @param outputDir        where the site is written
 * @param templateDir      the theme's FreeMarker templates, or {@code null} to use the embedded default theme
 * @param assetDir         the theme's static assets, or {@code null} to use the embedded default theme
 * @param title            site title
 * @param description      one line saying what the site is
 * @param siteHost         absolute base URL of the published site (for canonical links), or empty
 * @param repositoryUrl    base URL for "edit this file" links (e.g. a blob URL), or empty
 * @param statuses         status vocabulary
 * @param fields           metadata key (normalised, lower-case) to canonical field
 * @param requirementIds   pattern of requirement ids
 * @param excludes         glob patterns of source paths to skip
 * @param sidecars         file names of metadata sidecar files
 * @param recentCount      how many specs "Recently updated" lists
 * @param maxFileBytes     files larger than this are skipped with a diagnostic
 * @param values           every configuration key and value, for templates ({@code config})
 * @param diagnostics      problems of the configuration file itself (a folder outside the repository,
 *                         a URL that is not http: or https:), reported with the build's
 */
public record SiteConfig(Path projectDir, Path sourceDir, Path outputDir, Path templateDir, Path assetDir,
                         String title, String description, String siteHost, String repositoryUrl,
                         StatusVocabulary statuses, Map<String, String> fields, Pattern requirementIds,
                         List<String> excludes, List<String> sidecars, int recentCount, long maxFileBytes,
                         Map<String, String> values, List<Diagnostic> diagnostics) {

    public SiteConfig {
        fields = Map.copyOf(fields);
        excludes = List.copyOf(excludes);
        sidecars = List.copyOf(sidecars);
        values = Map.copyOf(values);
        diagnostics = List.copyOf(diagnostics);
    }

    /** A configuration without problems of its own. */
    public SiteConfig(Path projectDir, Path sourceDir, Path outputDir, Path templateDir, Path assetDir,
                      String title, String description, String siteHost, String repositoryUrl,
                      StatusVocabulary statuses, Map<String, String> fields, Pattern requirementIds,
                      List<String> excludes, List<String> sidecars, int recentCount, long maxFileBytes,
                      Map<String, String> values) {
        this(projectDir, sourceDir, outputDir, templateDir, assetDir, title, description, siteHost, repositoryUrl,
                statuses, fields, requirementIds, excludes, sidecars, recentCount, maxFileBytes, values, List.of());
    }

    /** The key naming the people file. */
    public static final String PEOPLE_KEY = "specsite.people";

    /**
     * The people file: {@code specsite.people}, relative to the configuration's folder, when set;
     * else {@code people.yaml} in the source folder.
     */
    public Path peopleFile() {
        String v = values.getOrDefault(PEOPLE_KEY, "").trim();
        return v.isEmpty() ? sourceDir.resolve(PeopleFile.DEFAULT_NAME) : projectDir.resolve(v).normalize();
    }

    /** The same configuration reading from and writing to other folders. */
    public SiteConfig withFolders(Path source, Path output) {
        return new SiteConfig(projectDir, source, output, templateDir, assetDir, title, description, siteHost,
                repositoryUrl, statuses, fields, requirementIds, excludes, sidecars, recentCount, maxFileBytes, values,
                diagnostics);
    }
}
