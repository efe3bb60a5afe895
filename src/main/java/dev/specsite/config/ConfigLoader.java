package dev.specsite.config;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.commons.configuration2.CompositeConfiguration;
import org.apache.commons.configuration2.MapConfiguration;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.builder.FileBasedConfigurationBuilder;
import org.apache.commons.configuration2.builder.fluent.Parameters;
import org.apache.commons.configuration2.convert.DisabledListDelimiterHandler;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;

/**
 * Reads {@code site-config.properties} through JBake's configuration API: the site's file first,
 * then specsite's defaults, then JBake's own defaults, so that every key has a value.
 */
public final class ConfigLoader {

    /** The configuration file name looked up in the working folder. */
    public static final String DEFAULT_FILE = "site-config.properties";
    private static final String DEFAULTS_RESOURCE = "/dev/specsite/specsite-defaults.properties";
    private static final String JBAKE_DEFAULTS_RESOURCE = "/default.properties";

    /** Thrown when the configuration cannot be read or holds an invalid value: a usage error. */
    public static final class ConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ConfigException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private ConfigLoader() {
    }

    /**
     * Loads an untrusted configuration: see {@link #load(Path, Path, Path, Path, boolean)}.
     */
    public static SiteConfig load(Path configFile, Path projectDir, Path source, Path output) {
        return load(configFile, projectDir, source, output, false);
    }

    /**
     * Loads the configuration. Values are read literally: {@code ${…}} is not interpolated, so that
     * a file cannot read the environment, system properties, files or the network into the site.
     *
     * @param configFile the properties file, or {@code null} for defaults only
     * @param projectDir the folder relative paths in the configuration are resolved against
     * @param source     source folder from the command line, or {@code null} for {@code content.folder}
     * @param output     output folder from the command line, or {@code null} for {@code destination.folder}
     * @param trusted    whether the file may name folders outside {@code projectDir}; an untrusted
     *                   file's folder that breaks the rules of {@link ConfigGuard} is replaced by its
     *                   default, with a diagnostic in {@link SiteConfig#diagnostics()}
     */
    public static SiteConfig load(Path configFile, Path projectDir, Path source, Path output, boolean trusted) {
        PropertiesConfiguration file = configFile != null ? readFile(configFile) : null;
        MapConfiguration defaults = readResource(DEFAULTS_RESOURCE);
        File project = projectDir.toAbsolutePath().normalize().toFile();
        Path projectPath = project.toPath();

        // without a file every value is specsite's own default: nothing came from a repository
        ConfigGuard guard = new ConfigGuard(configFile, projectPath, trusted || configFile == null);
        Map<String, Object> checked = new TreeMap<>();
        if (source == null) {
            checked.put("content.folder", folder(guard, file, defaults, "content.folder", ConfigGuard.Folder.SOURCE));
        }
        if (output == null) {
            checked.put("destination.folder", folder(guard, file, defaults, "destination.folder",
                    ConfigGuard.Folder.OUTPUT));
        }
        // a theme folder that may not be used, not even by default, leaves the embedded theme
        String templates = folder(guard, file, defaults, "template.folder", ConfigGuard.Folder.THEME);
        String assets = folder(guard, file, defaults, "asset.folder", ConfigGuard.Folder.THEME);
        checked.put("template.folder", templates == null ? "" : templates);
        checked.put("asset.folder", assets == null ? "" : assets);

        if (file != null && file.containsKey(SiteConfig.PEOPLE_KEY)) {
            checked.put(SiteConfig.PEOPLE_KEY, guard.file(SiteConfig.PEOPLE_KEY, file.getString(SiteConfig.PEOPLE_KEY, "").trim(),
                    "the source folder's " + PeopleFile.DEFAULT_NAME + " is used"));
        }
        if (file != null) {
            List<String> patterns = new ArrayList<>();
            file.getKeys().forEachRemaining(k -> {
                if (k.equals("specsite.requirements.pattern") || k.startsWith(MentionRules.PATTERN_PREFIX)) {
                    patterns.add(k);
                }
            });
            for (String k : patterns) {
                String safe = guard.pattern(k, file.getString(k), defaults.getString(k, ""));
                if (!safe.equals(file.getString(k))) {
                    checked.put(k, safe);
                }
            }
        }

        CompositeConfiguration composite = new CompositeConfiguration();
        composite.setListDelimiterHandler(new DisabledListDelimiterHandler());
        composite.setInterpolator(null);
        composite.addConfiguration(literal(new MapConfiguration(checked)));
        if (file != null) {
            composite.addConfiguration(file);
        }
        composite.addConfiguration(defaults);
        composite.addConfiguration(readResource(JBAKE_DEFAULTS_RESOURCE));

        JBakeConfiguration jbake;
        try {
            jbake = new JBakeConfigurationFactory().createDefaultJbakeConfiguration(project, null, composite, false);
        } catch (RuntimeException e) {
            throw new ConfigException("cannot use configuration: " + e.getMessage(), e);
        }
        Path sourceDir = source != null ? source.toAbsolutePath().normalize()
                : projectPath.resolve(jbake.getContentFolderName()).normalize();
        Path outputDir = output != null ? output.toAbsolutePath().normalize()
                : projectPath.resolve(string(composite, "destination.folder")).normalize();

        Path templateDir = templates == null ? null : jbake.getTemplateFolder().toPath().toAbsolutePath().normalize();
        Path assetDir = assets == null ? null : jbake.getAssetFolder().toPath().toAbsolutePath().normalize();

        List<StatusVocabulary.Entry> statuses = new ArrayList<>();
        for (String slug : list(composite, "specsite.statuses")) {
            String s = slug.trim().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            String label = composite.getString("specsite.status." + s + ".label", titleCase(s));
            statuses.add(new StatusVocabulary.Entry(s, label, list(composite, "specsite.status." + s + ".aliases")));
        }

        Map<String, String> fields = new LinkedHashMap<>();
        Iterator<String> keys = composite.getKeys("specsite.field");
        List<String> fieldKeys = new ArrayList<>();
        keys.forEachRemaining(fieldKeys::add);
        fieldKeys.sort(null);
        for (String key : fieldKeys) {
            String field = key.substring("specsite.field.".length());
            for (String synonym : list(composite, key)) {
                fields.putIfAbsent(normalizeKey(synonym), field);
            }
        }

        Pattern requirements;
        String reqPattern = string(composite, "specsite.requirements.pattern");
        try {
            requirements = Pattern.compile(reqPattern);
        } catch (PatternSyntaxException e) {
            throw new ConfigException("specsite.requirements.pattern is not a valid regular expression: "
                    + e.getDescription(), e);
        }

        if (integer(composite, "specsite.parse.budget-ms") <= 0) {
            throw new ConfigException("specsite.parse.budget-ms must be a positive number of milliseconds", null);
        }

        Map<String, String> values = new TreeMap<>();
        composite.getKeys().forEachRemaining(k -> {
            if (k.startsWith("specsite.") || k.startsWith("site.")) {
                values.put(k, string(composite, k));
            }
        });
        String siteHost = guard.url("site.host", values.getOrDefault("site.host", ""));
        String repositoryUrl = guard.url("specsite.repository.url", values.getOrDefault("specsite.repository.url", ""));
        values.put("site.host", siteHost);
        values.put("specsite.repository.url", repositoryUrl);
        values.put(TagEntity.KEY, guard.siteId(TagEntity.KEY, values.getOrDefault(TagEntity.KEY, "")));

        return new SiteConfig(projectPath, sourceDir, outputDir,
                templateDir != null && Files.isDirectory(templateDir) ? templateDir : null,
                assetDir != null && Files.isDirectory(assetDir) ? assetDir : null,
                string(composite, "specsite.title"), string(composite, "specsite.description"),
                stripTrailingSlash(siteHost), stripTrailingSlash(repositoryUrl),
                new StatusVocabulary(statuses), fields, requirements,
                list(composite, "specsite.exclude"), list(composite, "specsite.metadata.sidecar"),
                integer(composite, "specsite.recent.count"), integer(composite, "specsite.max-file-bytes"),
                values, guard.diagnostics());
    }

    /** Lower-case, single-spaced, without trailing colon: the form synonyms are compared in. */
    public static String normalizeKey(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ").replaceAll("[:\\s]+$", "").trim();
    }

    /** A folder key's value as the guard allows it, or {@code null} when not even its default may be used. */
    private static String folder(ConfigGuard guard, PropertiesConfiguration file, MapConfiguration defaults,
                                 String key, ConfigGuard.Folder kind) {
        String fromFile = file != null && file.containsKey(key) ? file.getString(key) : null;
        String value = guard.folder(key, fromFile, defaults.getString(key), kind);
        if (value == null && kind != ConfigGuard.Folder.THEME) {
            throw new ConfigException(guard.fileName() + ": " + key + " "
                    + guard.whyNot(defaults.getString(key), kind) + "; give " + kind.option
                    + " or --trust-config", null);
        }
        return value;
    }

    /** Interpolation off: {@code ${env:…}}, {@code ${file:…}} and the like stay as written. */
    private static <C extends org.apache.commons.configuration2.AbstractConfiguration> C literal(C c) {
        c.setInterpolator(null);
        return c;
    }

    private static PropertiesConfiguration readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("configuration file not found: " + file, null);
        }
        FileBasedConfigurationBuilder<PropertiesConfiguration> builder =
                new FileBasedConfigurationBuilder<>(PropertiesConfiguration.class)
                        .configure(new Parameters().properties()
                                .setFile(file.toFile())
                                .setEncoding("UTF-8")
                                .setListDelimiterHandler(new DisabledListDelimiterHandler())
                                .setIncludesAllowed(false));
        try {
            return literal(builder.getConfiguration());
        } catch (ConfigurationException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static MapConfiguration readResource(String name) {
        Properties p = new Properties();
        try (InputStream in = ConfigLoader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MapConfiguration c = new MapConfiguration(p);
        c.setListDelimiterHandler(new DisabledListDelimiterHandler());
        return literal(c);
    }

    private static String string(CompositeConfiguration c, String key) {
        String v = c.getString(key, "");
        return v == null ? "" : v.trim();
    }

    /** A comma-separated list; specsite splits lists itself so that other values may hold commas. */
    private static List<String> list(CompositeConfiguration c, String key) {
        List<String> out = new ArrayList<>();
        for (String s : string(c, key).split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static int integer(CompositeConfiguration c, String key) {
        String v = string(c, key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number, not '" + v + "'", e);
        }
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String titleCase(String slug) {
        StringBuilder sb = new StringBuilder();
        for (String w : slug.split("-")) {
            if (!w.isEmpty()) {
                sb.append(sb.length() > 0 ? " " : "").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return sb.toString();
    }
}
