package dev.specsite.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.index.SiteIndex;
import dev.specsite.link.LinkedSite;
import dev.specsite.link.Linker;
import dev.specsite.link.Urls;
import dev.specsite.model.SourceFile;
import dev.specsite.parse.ParsedSpec;
import dev.specsite.parse.SpecParser;
import dev.specsite.render.Output;
import dev.specsite.render.RenderContext;
import dev.specsite.render.Renderer;
import dev.specsite.render.TemplateFailure;
import dev.specsite.render.Templates;
import dev.specsite.scan.ScanResult;
import dev.specsite.scan.Scanner;

/**
 * The build facade: configuration in, site out. Runs the one-way pipeline
 * {@code scan → parse → link → index → render → write}. An instance keeps the parse results of
 * its last build, so a long-running caller (a preview server) rebuilds only what changed.
 */
public final class SiteBuilder {

    private final SiteConfig config;
    private final BuildListener listener;
    private final SpecParser parser;
    private final Templates templates;
    private final Map<String, ParsedSpec> cache = new ConcurrentHashMap<>();

    public SiteBuilder(SiteConfig config, BuildListener listener) {
        this.config = config;
        this.listener = listener;
        this.parser = new SpecParser(config);
        this.templates = new Templates(config.templateDir());
    }

    /** The generator string written into pages and the API. */
    public static String generator() {
        String v = SiteBuilder.class.getPackage().getImplementationVersion();
        return "specsite " + (v == null ? "dev" : v);
    }

    /**
     * Builds the site.
     *
     * @param write {@code false} to check only: everything is parsed, linked and rendered, nothing written
     * @throws IOException when the source cannot be read or the output cannot be written
     * @throws TemplateFailure when the theme's templates fail (nothing is written then)
     */
    public BuildResult build(boolean write) throws IOException {
        long start = System.nanoTime();
        if (write) {
            SiteWriter.checkSafe(config.outputDir(), config.sourceDir(), null);
        }
        if (!Files.isDirectory(config.sourceDir())) {
            throw new java.io.FileNotFoundException("source folder not found: " + config.sourceDir());
        }
        // scan
        Path skip = config.outputDir().startsWith(config.sourceDir()) ? config.outputDir() : null;
        ScanResult scan = new Scanner(config.excludes(), config.maxFileBytes(), skip).scan(config.sourceDir());
        int total = scan.specs().size();
        listener.stage("parse", total);

        // parse, in parallel, reusing unchanged files
        AtomicInteger done = new AtomicInteger();
        List<ParsedSpec> parsed = scan.specs().parallelStream().map(f -> {
            ParsedSpec p = parseCached(f);
            int n = done.incrementAndGet();
            if (n % 500 == 0) {
                listener.progress("parse", n, total);
            }
            return p;
        }).toList();
        cache.keySet().retainAll(scan.specs().stream().map(SourceFile::path).toList());

        // link, index
        listener.stage("link", total);
        List<Diagnostic> siteDiagnostics = new ArrayList<>(scan.diagnostics());
        Map<String, String> renames = Map.of();
        if (!"false".equalsIgnoreCase(config.values().getOrDefault("specsite.git.renames", "true").trim())) {
            GitHistory.Result history = GitHistory.renames(config.sourceDir());
            renames = history.renames();
            siteDiagnostics.addAll(history.diagnostics());
        }
        LinkedSite site = new Linker(config).link(parsed, scan.otherFiles(), siteDiagnostics, renames);
        SiteIndex index = SiteIndex.of(site, config);

        // render
        listener.stage("render", total);
        String generator = generator();
        RenderContext ctx = new RenderContext(index, config, templates, generator);
        List<Output> outputs = Renderer.render(ctx, generator, site.redirects(),
                n -> listener.progress("render", n, total));

        List<Diagnostic> diagnostics = index.diagnostics();
        if (!write) {
            return new BuildResult(config.outputDir(), index, diagnostics, 0, 0, 0, millis(start), false);
        }
        // write
        listener.stage("write", outputs.size());
        Map<String, byte[]> extra = new LinkedHashMap<>();
        for (String f : site.files()) {
            extra.put(Urls.file(f), Files.readAllBytes(config.sourceDir().resolve(f)));
        }
        List<String> assetPaths = ThemeAssets.paths(config);
        if (config.assetDir() == null) {
            extra.putAll(ThemeAssets.embedded());
        }
        SiteWriter writer = new SiteWriter(config.outputDir());
        List<Output> all = new ArrayList<>(outputs);
        SiteWriter.Stats stats;
        if (config.assetDir() != null) {
            ThemeAssets.copyWithJBake(config, config.outputDir());
            stats = writer.write(all, extra, assetPaths);
        } else {
            stats = writer.write(all, extra, List.of());
        }
        return new BuildResult(config.outputDir(), index, diagnostics, stats.written(), stats.unchanged(),
                stats.deleted(), millis(start), true);
    }

    private ParsedSpec parseCached(SourceFile f) {
        ParsedSpec old = cache.get(f.path());
        if (old != null && old.spec().hash().equals(f.hash())) {
            return old;
        }
        ParsedSpec p = parser.parse(f);
        cache.put(f.path(), p);
        return p;
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
