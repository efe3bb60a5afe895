package dev.specsite.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicInteger;

import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.index.SiteIndex;
import dev.specsite.link.LinkedSite;
import dev.specsite.link.Linker;
import dev.specsite.model.SourceFile;
import dev.specsite.parse.ParsedSpec;
import dev.specsite.parse.SpecParser;
import dev.specsite.render.Fingerprint;
import dev.specsite.render.Output;
import dev.specsite.render.RenderSink;
import dev.specsite.render.RenderContext;
import dev.specsite.render.RenderMemory;
import dev.specsite.render.Renderer;
import dev.specsite.render.TemplateFailure;
import dev.specsite.render.Templates;
import dev.specsite.scan.GitDates;
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
    private final Scanner scanner;
    /** Kept between builds: it reuses the resolutions that still hold. */
    private final Linker linker;
    private final Templates templates;
    private BuildCache cache;
    /** What this builder rendered last (in memory): lets the next build skip pages nothing reaches. */
    private final RenderMemory memory = new RenderMemory();
    /** The last index this builder made: the next one is made from it when no spec changed what it reads. */
    private final dev.specsite.index.IndexMemory indexMemory = new dev.specsite.index.IndexMemory();
    private final boolean persistCache;
    /** The linker taking back the link memory of the build cache, while the first build scans. */
    private java.util.concurrent.CompletableFuture<Void> remembering;

    public SiteBuilder(SiteConfig config, BuildListener listener) {
        this(config, listener, true);
    }

    /**
     * @param persistCache whether each build writes its cache into the output folder, for the next
     *                     process (the command line); a long-lived caller such as a preview server keeps
     *                     it in memory and passes {@code false}
     */
    public SiteBuilder(SiteConfig config, BuildListener listener, boolean persistCache) {
        this.persistCache = persistCache;
        this.config = config;
        this.listener = listener;
        this.parser = new SpecParser(config);
        Path skip = config.outputDir().startsWith(config.sourceDir()) ? config.outputDir() : null;
        this.scanner = new Scanner(config.excludes(), config.maxFileBytes(), skip, config.sidecars());
        this.linker = new Linker(config, ThemeAssets.reserved(config));
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
            SiteWriter.checkSafe(config.outputDir(), config.sourceDir(), config.projectDir());
        }
        if (!Files.isDirectory(config.sourceDir())) {
            throw new java.io.FileNotFoundException("source folder not found: " + config.sourceDir());
        }
        if (!write) {
            return buildLocked(false, start);
        }
        try (SiteWriter.Lock lock = SiteWriter.lock(config.outputDir())) {
            return buildLocked(true, start);
        }
    }

    /** The build, with the output folder locked when it is written. */
    private BuildResult buildLocked(boolean write, long start) throws IOException {
        List<Diagnostic> cacheDamage = List.of();
        if (cache == null) {
            String key = cacheKey();
            cache = write && persistCache ? BuildCache.load(config.outputDir(), key) : new BuildCache(key);
            cacheDamage = cache.damage();
            if (cache.rendered() != null) {
                memory.commit(cache.rendered());
            }
            // the link memory of the last process, taken back while the scan runs: this build links
            // incrementally, as a long-lived one does
            dev.specsite.link.LinkMemory saved = cache.linkMemory();
            if (saved != null) {
                List<ParsedSpec> made = List.copyOf(cache.parsed.values());
                boolean seed = cache.renderedWithLinks();
                remembering = java.util.concurrent.CompletableFuture.runAsync(() -> {
                    if (linker.remember(saved, made) && seed) {
                        memory.seed(linker.lastLinked(), linker.lastRedirects());
                    }
                });
            }
        }
        // scan
        listener.stage("scan", 0);
        ScanResult scan = scanner.scan(config.sourceDir(), cache.known());
        cache.putStamps(scan.stamps());
        listener.stage("git", 0);
        GitDates git = GitDates.read(config.sourceDir(), cache.git());
        cache.putGit(git);
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
        cache.retainParsed(scan.specs().stream().map(SourceFile::path).collect(Collectors.toSet()));

        // link, index
        listener.stage("link", total);
        List<Diagnostic> siteDiagnostics = new ArrayList<>(scan.diagnostics());
        siteDiagnostics.addAll(git.diagnostics());
        siteDiagnostics.addAll(config.diagnostics());
        Map<String, String> renames = "false".equalsIgnoreCase(
                config.values().getOrDefault("specsite.git.renames", "true").trim()) ? Map.of() : git.renames();
        if (remembering != null) {
            try {
                remembering.join();
            } catch (java.util.concurrent.CompletionException e) {
                // a memory that cannot be taken back costs this build its speed only: the linker remembers nothing
            }
            remembering = null;
        }
        LinkedSite site = linker.link(parsed, scan.otherFiles(), siteDiagnostics, renames);
        if (write && persistCache) {
            cache.putLinks(linker.memory());
        }
        listener.stage("index", total);
        SiteIndex index = indexMemory.index(site, config, git);

        // render and write
        String generator = generator();
        RenderContext ctx = new RenderContext(index, config, templates, generator);
        List<Diagnostic> diagnostics = BuildCache.withDamage(index.diagnostics(), cacheDamage);
        listener.stage("render", total);
        if (!write) {
            Renderer.render(ctx, generator, site.redirects(), RenderSink.DISCARD, n -> listener.progress("render", n, total));
            return new BuildResult(config.outputDir(), index, diagnostics, 0, 0, 0, millis(start), false);
        }
        SiteWriter writer = new SiteWriter(config.outputDir());
        SiteWriter.Stats stats;
        RenderMemory.Snapshot rendered;
        try (SiteWriter.Session session = writer.begin()) {
            try {
                rendered = Renderer.render(ctx, generator, site.redirects(), session, memory,
                        n -> listener.progress("render", n, total));
                Attachments.copy(site.files(), config, session);
                if (config.assetDir() == null) {
                    ThemeAssets.embedded().forEach((p, b) -> session.accept(new Output(p, b)));
                } else {
                    ThemeAssets.stageWithJBake(config, session);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            listener.stage("write", 0);
            stats = session.commit(List.of());
            listener.published(stats.renames(), stats.publishNanos());
            if (!session.diagnostics().isEmpty()) {
                List<Diagnostic> all = new ArrayList<>(diagnostics);
                all.addAll(session.diagnostics());
                all.sort(Diagnostic.ORDER);
                diagnostics = all;
            }
        }
        memory.commit(rendered);
        cache.putRendered(rendered);
        if (persistCache) {
            listener.stage("cache", 0);
            cache.save(config.outputDir());
        }
        return new BuildResult(config.outputDir(), index, diagnostics, stats.written(), stats.unchanged(),
                stats.deleted(), millis(start), true);
    }

    private ParsedSpec parseCached(SourceFile f) {
        ParsedSpec old = cache.parsed.get(f.path());
        if (old != null && old.spec().hash().equals(f.hash())) {
            if (!old.hasHtml()) { // read from the cache, which keeps no bodies: made again if a page needs it
                old.reloadWith(() -> parseAgain(f.path(), old.spec().hash()).html());
            }
            return old;
        }
        SourceFile file = f;
        if (file.text() == null) { // the scan trusted a stamp, but the parse result is gone after all
            file = scanner.read(config.sourceDir(), f.path());
            if (file == null) {
                throw new UncheckedIOException(new IOException("cannot read " + f.path()));
            }
        }
        ParsedSpec p = parser.parse(file);
        cache.putParsed(f.path(), p);
        return p;
    }

    /** Parses a file again for its body, which must still have the content hash it had when it was scanned. */
    private ParsedSpec parseAgain(String path, String hash) {
        SourceFile file = scanner.read(config.sourceDir(), path);
        if (file == null || !file.hash().equals(hash)) {
            throw new UncheckedIOException(new IOException(path + " changed during the build; build again"));
        }
        return parser.parse(file);
    }

    /** What the cache depends on besides the files: the tool, the configuration, the theme. */
    private String cacheKey() {
        StringBuilder sb = new StringBuilder(generator()).append('\n').append(toolBuild()).append('\n')
                .append(new java.util.TreeMap<>(config.values())).append('\n').append(config.sourceDir()).append('\n');
        if (config.templateDir() != null) {
            try (java.util.stream.Stream<Path> s = Files.walk(config.templateDir())) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    sb.append(p.getFileName()).append(':').append(Files.readString(p).hashCode()).append('\n');
                }
            } catch (IOException e) {
                sb.append("unreadable theme");
            }
        }
        return Long.toHexString(Fingerprint.of(sb.toString()));
    }

    /**
     * The content hash of the tool's jar: a snapshot build keeps its version number while its parser
     * changes, and a cache of another build must not be read. The jar is built reproducibly, so a CI
     * job that builds the tool afresh from the same sources keeps the cache of the last job.
     */
    private static String toolBuild() {
        try {
            Path jar = Path.of(SiteBuilder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(jar) ? dev.specsite.scan.ContentHash.of(Files.readAllBytes(jar)) : "classes";
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
