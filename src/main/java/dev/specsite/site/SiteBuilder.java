package dev.specsite.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.specsite.config.PeopleFile;
import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.incremental.BuildCache;
import dev.specsite.incremental.ChangeSet;
import dev.specsite.incremental.Snapshot;
import dev.specsite.index.IndexState;
import dev.specsite.index.SiteIndex;
import dev.specsite.link.LinkedSite;
import dev.specsite.link.LinkedSpec;
import dev.specsite.link.Linker;
import dev.specsite.model.SourceFile;
import dev.specsite.parse.ParsedSpec;
import dev.specsite.parse.SpecParser;
import dev.specsite.render.Fingerprint;
import dev.specsite.render.Output;
import dev.specsite.render.RenderSink;
import dev.specsite.render.RenderContext;
import dev.specsite.render.RenderState;
import dev.specsite.render.Renderer;
import dev.specsite.render.TemplateFailure;
import dev.specsite.render.Templates;
import dev.specsite.scan.GitDates;
import dev.specsite.scan.ScanResult;
import dev.specsite.scan.Scanner;

/**
 * The build facade: configuration in, site out. Runs the one-way pipeline
 * {@code scan → parse → link → index → render → write}, each stage a function of its input and of
 * its part of the last build's {@link Snapshot}, which is all this builder keeps between builds: a
 * long-lived caller (a preview server) rebuilds only what changed, and the command line does the
 * same from the snapshot kept on disk ({@link BuildCache}).
 */
public final class SiteBuilder {

    private final SiteConfig config;
    private final BuildListener listener;
    private final SpecParser parser;
    private final Scanner scanner;
    private final Linker linker;
    private final Templates templates;
    private final boolean persistCache;
    /** The snapshot of the last build, or {@code null} before the first (then read from disk, or empty). */
    private Snapshot last;
    /** The snapshot on disk (command line only), or {@code null}. */
    private BuildCache store;
    /** What the snapshot depends on besides the files and the people file ({@link #cacheKey}), once made. */
    private String key;
    /** The people file as the last build read it, or {@code null}: not parsed again while its bytes are the same. */
    private PeopleFile people;

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
        if (key == null) {
            key = cacheKey(); // the tool, configuration and theme of this builder: made once (it hashes the tool's jar)
        }
        // the people file is read every build: a change of it changes every page that shows an owner
        people = PeopleFile.read(config, people);
        String buildKey = key + "-people-" + people.digest();
        Snapshot before;
        CompletableFuture<Snapshot> whole;
        if (last != null && last.key().equals(buildKey)) {
            before = last;
            whole = CompletableFuture.completedFuture(last);
        } else if (write && persistCache) {
            // the snapshot on disk: its parse results at once, the link stage's state taken back while the scan runs
            store = BuildCache.load(config.outputDir(), buildKey);
            cacheDamage = store.damage();
            before = store.snapshot();
            whole = store.whole(before, config);
        } else {
            before = Snapshot.empty(buildKey);
            whole = CompletableFuture.completedFuture(before);
        }

        // scan
        listener.stage("scan", 0);
        ScanResult scan = scanner.scan(config.sourceDir(), before.known());
        ChangeSet changes = ChangeSet.of(before.parsed(), scan.specs());
        listener.stage("git", 0);
        GitDates git = GitDates.read(config.sourceDir(), before.git());
        int total = scan.specs().size();
        listener.stage("parse", total);

        // parse, in parallel, taking the parse results of unchanged files from the snapshot
        AtomicInteger done = new AtomicInteger();
        Map<String, ParsedSpec> parsedByPath = new ConcurrentHashMap<>();
        List<ParsedSpec> parsed = scan.specs().parallelStream().map(f -> {
            ParsedSpec old = before.parsed().get(f.path());
            ParsedSpec p = old != null && old.spec().hash().equals(f.hash()) ? old : parse(f);
            parsedByPath.put(f.path(), p);
            int n = done.incrementAndGet();
            if (n % 500 == 0) {
                listener.progress("parse", n, total);
            }
            return p;
        }).toList();
        List<String> parsedAgain = scan.specs().stream().map(SourceFile::path)
                .filter(path -> parsedByPath.get(path) != before.parsed().get(path)).sorted().toList();

        // link, index
        listener.stage("link", total);
        List<Diagnostic> siteDiagnostics = new ArrayList<>(scan.diagnostics());
        siteDiagnostics.addAll(git.diagnostics());
        siteDiagnostics.addAll(config.diagnostics());
        siteDiagnostics.addAll(people.diagnostics());
        Map<String, String> renames = "false".equalsIgnoreCase(
                config.values().getOrDefault("specsite.git.renames", "true").trim()) ? Map.of() : git.renames();
        Snapshot prior = whole.join();
        Linker.Run linked = linker.run(parsed, scan.otherFiles(), siteDiagnostics, renames, prior.link());
        LinkedSite site = linked.site();
        listener.stage("index", total);
        IndexState.Run indexed = IndexState.index(prior.index(), site, config, git, people.people());
        SiteIndex index = indexed.index();

        // render and write
        String generator = generator();
        RenderContext ctx = new RenderContext(index, config, templates, generator);
        List<Diagnostic> diagnostics = BuildCache.withDamage(index.diagnostics(), cacheDamage);
        listener.stage("render", total);
        if (!write) {
            List<LinkedSpec> all = withBodies(index.specs(), scan);
            Renderer.render(ctx, generator, site.redirects(), new Renderer.Pages(all, true), RenderSink.DISCARD,
                    n -> listener.progress("render", n, total));
            BuildResult.Work work = new BuildResult.Work(changes, parsedAgain, linked.tablesMade(), linked.resolvedAgain(),
                    indexed.carried(), all.stream().map(LinkedSpec::id).sorted().toList(), true,
                    index.specs().stream().filter(s -> !s.body().hasHtml()).map(s -> s.spec().source()).sorted().toList());
            return new BuildResult(config.outputDir(), index, diagnostics, 0, 0, 0, millis(start), false, work);
        }
        RenderState.Plan plan = prior.render().plan(ctx, site.redirects());
        SiteWriter writer = new SiteWriter(config.outputDir());
        SiteWriter.Stats stats;
        BuildResult.Work work;
        RenderState rendered;
        try (SiteWriter.Session session = writer.begin()) {
            try {
                RenderChoice pages = RenderChoice.of(plan, index, session);
                List<LinkedSpec> toRender = withBodies(pages.specs(), scan);
                List<String> others = Renderer.render(ctx, generator, site.redirects(),
                        new Renderer.Pages(toRender, pages.others()), session, n -> listener.progress("render", n, total));
                rendered = plan.after(pages.others() ? others : plan.otherPages());
                work = new BuildResult.Work(changes, parsedAgain, linked.tablesMade(), linked.resolvedAgain(),
                        indexed.carried(), toRender.stream().map(LinkedSpec::id).sorted().toList(), pages.others(),
                        pages.specs().stream().filter(s -> !s.body().hasHtml()).map(s -> s.spec().source()).sorted().toList());
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
        // the site is written: its snapshot is the one the next build starts from
        last = new Snapshot(buildKey, scan.stamps(), parsedByPath, git, linked.state(), indexed.state(), rendered);
        if (persistCache) {
            listener.stage("cache", 0);
            if (store == null) {
                store = new BuildCache(buildKey);
            }
            store.save(config.outputDir(), last);
        }
        return new BuildResult(config.outputDir(), index, diagnostics, stats.written(), stats.unchanged(),
                stats.deleted(), millis(start), true, work);
    }

    /** Parses a file the scan found new or changed (or whose parse result is gone: then read again). */
    private ParsedSpec parse(SourceFile f) {
        SourceFile file = f;
        if (file.text() == null) { // the scan trusted a stamp, but the parse result is gone after all
            file = scanner.read(config.sourceDir(), f.path());
            if (file == null) {
                throw new UncheckedIOException(new IOException("cannot read " + f.path()));
            }
        }
        return parser.parse(file);
    }

    /**
     * The specs to render, each with its body: a body the snapshot kept without its HTML is made again
     * by parsing its file, which must still have the content hash it had when it was scanned. Part of
     * the parse stage, run before the render stage, which reads only what it is handed.
     */
    private List<LinkedSpec> withBodies(List<LinkedSpec> specs, ScanResult scan) {
        Map<String, SourceFile> read = null;
        for (LinkedSpec s : specs) {
            if (!s.body().hasHtml()) { // the files this scan read (those with sidecars among them): not read again
                read = new java.util.HashMap<>();
                for (SourceFile f : scan.specs()) {
                    if (f.text() != null) {
                        read.put(f.path(), f);
                    }
                }
                break;
            }
        }
        Map<String, SourceFile> scanned = read;
        return specs.parallelStream().map(s -> {
            if (s.body().hasHtml()) {
                return s;
            }
            SourceFile file = scanned.containsKey(s.spec().source()) ? scanned.get(s.spec().source())
                    : scanner.read(config.sourceDir(), s.spec().source());
            if (file == null || !file.hash().equals(s.spec().hash())) {
                throw new UncheckedIOException(new IOException(s.spec().source() + " changed during the build; build again"));
            }
            return s.withBody(s.body().withHtml(parser.parse(file).html()));
        }).toList();
    }

    /** What the cache depends on besides the files and the people file: the tool, the configuration, the theme. */
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
