package dev.specsite.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.configuration2.CompositeConfiguration;
import org.apache.commons.configuration2.MapConfiguration;
import org.jbake.app.Asset;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;

import dev.specsite.config.SiteConfig;

/**
 * The theme's static assets (CSS, script, icons). A theme folder on disk is copied with JBake's
 * {@link Asset} (which honours {@code .jbakeignore} and {@code asset.ignore}) into the staging
 * folder; the embedded default theme is read from the class path.
 */
final class ThemeAssets {

    private ThemeAssets() {
    }

    /** The site paths the theme's assets occupy. */
    static List<String> paths(SiteConfig config) throws IOException {
        List<String> out = new ArrayList<>();
        if (config.assetDir() == null) {
            out.addAll(embedded().keySet());
            return out;
        }
        try (Stream<Path> s = Files.walk(config.assetDir())) {
            s.filter(Files::isRegularFile).forEach(p -> {
                String rel = config.assetDir().relativize(p).toString().replace('\\', '/');
                if (!rel.startsWith(".") && !rel.contains("/.")) {
                    out.add(rel);
                }
            });
        }
        out.sort(null);
        return out;
    }

    /**
     * The paths the site writes itself, with the theme's assets: what no alias may take. A theme
     * folder that cannot be read adds nothing here; copying it fails the build later.
     */
    static dev.specsite.link.ReservedPaths reserved(SiteConfig config) {
        try {
            return dev.specsite.link.ReservedPaths.withAssets(paths(config));
        } catch (IOException | java.io.UncheckedIOException e) {
            return dev.specsite.link.ReservedPaths.BUILT_IN;
        }
    }

    /** The embedded theme's assets, as site path to bytes. */
    static Map<String, byte[]> embedded() throws IOException {
        return SiteWriter.classpathAssets("/themes/default/assets");
    }

    /**
     * Stages a theme folder's assets into a write session: JBake copies them into a scratch folder
     * of the session's staging folder, from where each file is staged like any other file of the
     * site (so they are published, or not, with the rest of it).
     */
    static void stageWithJBake(SiteConfig config, SiteWriter.Session session) throws IOException {
        Path scratch = session.scratch("theme");
        try {
            copyWithJBake(config, scratch);
            List<Path> files;
            try (Stream<Path> s = Files.walk(scratch)) {
                files = s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().toList();
            }
            for (Path p : files) {
                session.copy(scratch.relativize(p).toString().replace('\\', '/'), p);
            }
        } finally {
            PublishJournal.deleteTree(scratch);
        }
    }

    /** Copies a theme folder's assets into a folder with JBake. */
    private static void copyWithJBake(SiteConfig config, Path outputDir) throws IOException {
        Map<String, Object> props = new TreeMap<>();
        props.put("asset.folder", config.assetDir().toString());
        props.put("destination.folder", outputDir.toString());
        props.put("asset.ignore", "true");
        props.put("template.folder", config.assetDir().toString());
        props.put("content.folder", config.sourceDir().toString());
        props.put("data.folder", config.assetDir().toString());
        CompositeConfiguration c = new CompositeConfiguration();
        c.addConfiguration(new MapConfiguration(props));
        JBakeConfiguration jbake = new JBakeConfigurationFactory()
                .createDefaultJbakeConfiguration(config.projectDir().toFile(), outputDir.toFile(), c, false);
        Asset asset = new Asset(jbake);
        asset.copy();
        if (!asset.getErrors().isEmpty()) {
            Throwable t = asset.getErrors().get(0);
            throw new IOException("cannot copy theme assets: " + t.getMessage(), t);
        }
    }
}
