package dev.specsite.incremental;

import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import dev.specsite.diag.Diagnostic;
import dev.specsite.link.LinkMemory;
import dev.specsite.parse.ParsedSpec;
import dev.specsite.scan.Scanner;
import dev.specsite.config.SiteConfig;
import dev.specsite.link.LinkState;
import dev.specsite.render.RenderState;

/**
 * The {@link Snapshot} of the last build on disk, for the command line: in the output folder
 * ({@value #DIR}/), so that a rebuild after one edit parses one file, links again what it reaches and
 * renders the pages that changed, as a long-lived builder does with the snapshot it holds. Kept:
 * each file's parse result (by content hash, without its body unless the link stage reads it), what
 * the last scan learnt of each file, the link stage's state as data ({@link LinkMemory}: its entries
 * beside the parse results, its tables in {@value #LINKS}), the digests of what the last render
 * showed ({@link RenderState.Snapshot}, in {@value #RENDERED}) and the last reading of the Git history.
 * The index is not kept: made afresh, it costs a command-line rebuild less than reading it would.
 * On disk the entries are split by path into
 * {@value #SHARDS} shards read in parallel (in {@link CacheCodec}'s format); a build rewrites only
 * the shards whose entries changed.
 * <p>
 * Every file ends with a checksum ({@link CacheSeal}). A damaged file is dropped with an info
 * diagnostic ({@value #DAMAGED}) and what it held is made again from the sources: a shard's specs are
 * read and parsed, the link memory and the render digests are used only when every file they were
 * made with is sound and of one save, and the next save writes every file anew. A cache of another
 * format, tool, configuration or theme is ignored: the build is then a full one.
 */
public final class BuildCache {

    /** The cache folder's name in the output folder. */
    public static final String DIR = ".specsite-cache";
    static final int SHARDS = 64;

    private final String key;
    final Map<String, ParsedSpec> parsed = new ConcurrentHashMap<>();
    /** What the last scan learnt of each file, so that the next one need not read unchanged files. */
    final Map<String, Scanner.Stamp> stamps = new ConcurrentHashMap<>();
    /** Shards whose content differs from what is on disk. */
    private final Set<Integer> dirty = ConcurrentHashMap.newKeySet();
    /** What the last render showed (digests of its specs), so that this one keeps the pages nothing reaches. */
    private RenderState.Snapshot rendered;
    private boolean renderedDirty;
    /** The last reading of the source folder's Git history (reused while its head commit is the same). */
    private dev.specsite.scan.GitDates git;
    private boolean gitDirty;
    /** The link memory's entries, by source path (kept in the shards beside the parse results). */
    final Map<String, LinkMemory.Entry> links = new ConcurrentHashMap<>();
    /** The link memory's site-wide part (its entries empty), or {@code null}. */
    private LinkMemory linkTables;
    private boolean linksDirty;
    /** The newest generation of any file of this cache (see {@link CacheCodec.Generations}). */
    private long generation;
    private final long[] shardGenerations = new long[SHARDS];
    private long linksGeneration;
    private long renderedGeneration;
    /** Whether the link memory was read whole, of one save, with the parse results it was made of. */
    private boolean linksLoaded;
    /** Whether the render snapshot was read from the same save as the link memory. */
    private boolean renderedWithLinks;
    /**
     * The entries the last export of the link state made of each resolution (by identity): an
     * unchanged resolution gets the same entry again, which the next save tells unchanged by identity.
     */
    private Map<Object, LinkMemory.Entry> exported = new java.util.IdentityHashMap<>();
    /** The damaged files found by {@link #load}, one info diagnostic each, sorted. */
    private List<Diagnostic> damage = List.of();

    /** The code of the diagnostic that names a damaged cache file. */
    static final String DAMAGED = "cache-damaged";

    public BuildCache(String key) {
        this.key = key;
        for (int i = 0; i < SHARDS; i++) {
            dirty.add(i);
        }
    }

    static int shard(String path) {
        return Math.floorMod(path.hashCode(), SHARDS);
    }

    /**
     * The snapshot this cache holds, but for the link stage's state, which {@link #whole} takes back:
     * at hand at once, for the scan and the parse stage.
     */
    public Snapshot snapshot() {
        return new Snapshot(key, stamps, parsed, git, null, null, RenderState.of(rendered));
    }

    /**
     * The whole snapshot: {@code base} ({@link #snapshot()}) with the link stage's state taken back
     * from its memory, and the render state's digests given to the linked specs it makes, on another
     * thread (while the scan and the parse stage run). {@code base} as it is when the memory is not
     * whole or does not fit the parse results.
     */
    public java.util.concurrent.CompletableFuture<Snapshot> whole(Snapshot base, SiteConfig config) {
        LinkMemory saved = linkMemory();
        if (saved == null) {
            return java.util.concurrent.CompletableFuture.completedFuture(base);
        }
        boolean seed = renderedWithLinks();
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            Map<Object, LinkMemory.Entry> given = new java.util.IdentityHashMap<>();
            LinkState link = LinkState.of(saved, base.parsed().values(), config, given);
            if (link == null) {
                return base;
            }
            exported = given;
            RenderState render = seed ? RenderState.of(rendered, link.linked(), link.redirects()) : base.render();
            return new Snapshot(base.key(), base.stamps(), base.parsed(), base.git(), link, null, render);
        }).exceptionally(e -> base); // a memory that cannot be taken back costs this build its speed only
    }

    /** Records a build's snapshot, marking what changed since what this cache holds, and writes it. */
    public void save(Path outputDir, Snapshot next) {
        putStamps(next.stamps());
        retain(parsed, next.parsed().keySet());
        next.parsed().forEach(this::putParsed);
        putGit(next.git());
        if (next.link() != null) {
            Map<Object, LinkMemory.Entry> now = new java.util.IdentityHashMap<>();
            putLinks(next.link().memory(exported, now));
            exported = now;
        }
        if (next.render().last() != null) {
            putRendered(next.render().last());
        }
        save(outputDir);
    }

    /** Records a parse result. */
    private void putParsed(String path, ParsedSpec p) {
        if (parsed.put(path, p) != p) {
            dirty.add(shard(path));
        }
    }

    /** Records the stamps of a scan, for the next one. */
    private void putStamps(Map<String, Scanner.Stamp> now) {
        retain(stamps, now.keySet());
        now.forEach((p, st) -> {
            if (!st.equals(stamps.put(p, st))) {
                dirty.add(shard(p));
            }
        });
    }

    /** Removes the entries whose path is not kept, marking their shards. */
    private void retain(Map<String, ?> map, Set<String> keep) {
        for (String p : List.copyOf(map.keySet())) {
            if (!keep.contains(p)) {
                map.remove(p);
                dirty.add(shard(p));
            }
        }
    }

    /** Records the snapshot of a render whose files were written. */
    private void putRendered(RenderState.Snapshot s) {
        renderedDirty |= s != rendered;
        rendered = s;
    }

    /** Records this build's reading of the Git history. */
    private void putGit(dev.specsite.scan.GitDates g) {
        gitDirty |= g != git;
        git = g;
    }

    /**
     * The link memory read with this cache, whole and of the same save as its parse results, or
     * {@code null}.
     */
    LinkMemory linkMemory() {
        return linksLoaded ? new LinkMemory(linkTables.tables(), linkTables.renames(), linkTables.contested(),
                linkTables.wordCounts(), linkTables.redirects(), linkTables.redirectDiags(), Map.copyOf(links)) : null;
    }

    /** Whether the render snapshot read with this cache was made by the build whose link memory it read. */
    boolean renderedWithLinks() {
        return linksLoaded && renderedWithLinks;
    }

    /** Records the link memory of a build, marking the shards whose entries changed. */
    private void putLinks(LinkMemory m) {
        linksLoaded = false; // what was read is no longer the memory
        retain(links, m.entries().keySet());
        m.entries().forEach((path, e) -> {
            LinkMemory.Entry old = links.put(path, e);
            if (old != e && !e.equals(old)) {
                dirty.add(shard(path));
            }
        });
        LinkMemory tables = new LinkMemory(m.tables(), m.renames(), m.contested(), m.wordCounts(), m.redirects(),
                m.redirectDiags(), Map.of());
        if (!tables.equals(linkTables)) {
            linkTables = tables;
            linksDirty = true;
        }
    }

    /**
     * Reads the cache of an output folder; an empty cache when there is none or it is of another
     * format or key. A damaged file is left out (see {@link #damage()}).
     */
    public static BuildCache load(Path outputDir, String key) {
        BuildCache cache = new BuildCache(key);
        Path dir = outputDir.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            return cache;
        }
        List<Read<CacheCodec.Shard>> shards = IntStream.range(0, SHARDS).parallel()
                .mapToObj(i -> read(dir.resolve(i + ".bin"), bytes -> CacheCodec.read(bytes, key))).toList();
        if (shards.stream().anyMatch(Read::other)) {
            return cache; // from another configuration, theme or version
        }
        cache.dirty.clear();
        List<Diagnostic> damage = new ArrayList<>();
        for (int i = 0; i < SHARDS; i++) {
            CacheCodec.Shard s = shards.get(i).value();
            if (s == null) { // absent or damaged: its specs are parsed again, and no link memory is whole
                cache.dirty.add(i);
                shards.get(i).damage(damage);
                continue;
            }
            cache.parsed.putAll(s.parsed());
            cache.stamps.putAll(s.stamps());
            cache.links.putAll(s.links());
            cache.shardGenerations[i] = s.generation();
            cache.generation = Math.max(cache.generation, s.generation());
        }
        Read<CacheCodec.Rendered> readRendered = read(dir.resolve(RENDERED), CacheCodec::readRendered);
        readRendered.damage(damage);
        CacheCodec.Rendered rendered = readRendered.value();
        if (rendered != null && key.equals(rendered.key())) {
            cache.rendered = rendered.snapshot();
            cache.renderedGeneration = rendered.generation();
            cache.generation = Math.max(cache.generation, rendered.generation());
        }
        Read<CacheCodec.LinkTables> readTables = read(dir.resolve(LINKS), CacheCodec::readLinkTables);
        readTables.damage(damage);
        CacheCodec.LinkTables tables = readTables.value();
        if (tables != null && key.equals(tables.key())) {
            cache.linkTables = tables.memory();
            cache.linksGeneration = tables.generation();
            cache.generation = Math.max(cache.generation, tables.generation());
        }
        Read<CacheCodec.Generations> readGens = read(dir.resolve(GENERATIONS), CacheCodec::readGenerations);
        readGens.damage(damage);
        CacheCodec.Generations gens = readGens.value();
        if (gens != null && key.equals(gens.key())) {
            cache.linksLoaded = cache.linkTables != null && gens.links() == cache.linksGeneration
                    && Arrays.equals(gens.shards(), cache.shardGenerations);
            cache.renderedWithLinks = cache.rendered != null && gens.rendered() == cache.renderedGeneration;
        }
        Read<Object> readGit = read(dir.resolve(GIT), bytes -> readKeyed(bytes, key));
        readGit.damage(damage);
        if (readGit.value() instanceof dev.specsite.scan.GitDates g) {
            cache.git = g;
        }
        if (!damage.isEmpty()) { // the next save writes every file, all of one generation again
            damage.sort(Diagnostic.ORDER);
            cache.damage = List.copyOf(damage);
            for (int i = 0; i < SHARDS; i++) {
                cache.dirty.add(i);
            }
            cache.linksDirty = cache.renderedDirty = cache.gitDirty = true;
        }
        return cache;
    }

    /** The damaged files {@link #load} left out, one info diagnostic each ({@value #DAMAGED}), sorted. */
    public List<Diagnostic> damage() {
        return damage;
    }

    /** A build's diagnostics with those of the damaged cache files it read, sorted. */
    public static List<Diagnostic> withDamage(List<Diagnostic> diagnostics, List<Diagnostic> damage) {
        if (damage.isEmpty()) {
            return diagnostics;
        }
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.addAll(damage);
        all.sort(Diagnostic.ORDER);
        return all;
    }

    /** The file of the last render's snapshot. */
    static final String RENDERED = "rendered.bin";

    /** The file of the link memory's site-wide tables. */
    static final String LINKS = "links.bin";

    /** The file of the generations, written last by each save. */
    static final String GENERATIONS = "generations.bin";

    /** The file of the last reading of the Git history. */
    public static final String GIT = "git.bin";

    /**
     * One value on disk (the Git history's reading) with the cache key it
     * holds for and the generation of the save that wrote it.
     */
    private record Keyed(String key, long generation, Serializable value) implements Serializable {
    }

    /** The first bytes of the Git history's file ("SPH1"), before its serialised {@link Keyed}. */
    private static final int MAGIC_GIT = 0x53504831;

    /** The value of a {@link Keyed} file's bytes written under this key, or {@code null} for another key. */
    private static Object readKeyed(byte[] bytes, String key) {
        switch (CacheSeal.check(bytes, MAGIC_GIT)) {
            case OTHER_FORMAT -> throw new CacheCodec.OtherCache("not a cache file of this kind or format");
            case DAMAGED -> throw new CacheCodec.Malformed("damaged (its checksum does not match)");
            case SOUND -> {
            }
        }
        Object o = readObject(bytes);
        if (o == null) {
            throw new CacheCodec.Malformed("malformed (not an object of the cache)");
        }
        return o instanceof Keyed k && key.equals(k.key()) ? k.value() : null;
    }

    /**
     * A cache file read: its value, or none when the file is absent, of another format or key
     * ({@code other}), or damaged ({@code damage}, the diagnostic that says so).
     */
    private record Read<T>(T value, boolean other, Diagnostic damage) {
        void damage(List<Diagnostic> to) {
            if (damage != null) {
                to.add(damage);
            }
        }
    }

    /** A file in {@link CacheCodec}'s format. */
    private static <T> Read<T> read(Path file, java.util.function.Function<byte[], T> codec) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            return new Read<>(null, false, null);
        } catch (IOException e) {
            return new Read<>(null, false, damaged(file, "cannot be read (" + e.getClass().getSimpleName() + ")"));
        }
        try {
            return new Read<>(codec.apply(bytes), false, null);
        } catch (CacheCodec.OtherCache e) {
            return new Read<>(null, true, null);
        } catch (CacheCodec.Malformed e) {
            return new Read<>(null, false, damaged(file, e.getMessage()));
        }
    }

    private static Diagnostic damaged(Path file, String why) {
        String name = file.toAbsolutePath().normalize().toString().replace('\\', '/');
        return Diagnostic.info(name, 0, 0, DAMAGED, "build cache file " + file.getFileName() + " is " + why
                + "; left out, and what it held is made again from the sources",
                "nothing to do: the next build rewrites the cache (deleting " + DIR + " does the same)");
    }

    /**
     * Only the JDK's own classes and specsite's are read, at most 20 deep: a cache file is data in an
     * output folder, not code. (The same rule as the pattern "java.base/*;dev.specsite.**;maxdepth=20;!*",
     * without matching class names against patterns for each of the million objects of a large cache.)
     */
    static final ObjectInputFilter FILTER = info -> {
        if (info.depth() > 20) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> c = info.serialClass();
        if (c == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        while (c.isArray()) {
            c = c.getComponentType();
        }
        return c.isPrimitive() || c.getModule() == Object.class.getModule() || c.getName().startsWith("dev.specsite.")
                ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    };

    /** The object serialised in a {@link Keyed} file's bytes (between magic number and checksum), or {@code null}. */
    private static Object readObject(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new java.io.ByteArrayInputStream(bytes, CacheSeal.SIZE,
                bytes.length - 2 * CacheSeal.SIZE))) {
            in.setObjectInputFilter(FILTER);
            return in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return null;
        }
    }

    /** Writes the changed shards into the output folder; failing to do so only costs the next build its speed. */
    private void save(Path outputDir) {
        Path dir = outputDir.resolve(DIR);
        try {
            Files.createDirectories(dir);
            List<Integer> todo = new ArrayList<>(dirty);
            boolean any = !todo.isEmpty() || renderedDirty && rendered != null || linksDirty && linkTables != null;
            long g = generation + 1;
            todo.parallelStream().forEach(i -> write(dir, i + ".bin", CacheCodec.write(new CacheCodec.Shard(key, g,
                    ofShard(parsed, i), ofShard(stamps, i), ofShard(links, i)))));
            todo.forEach(i -> shardGenerations[i] = g);
            dirty.clear();
            if (linksDirty && linkTables != null) {
                write(dir, LINKS, CacheCodec.write(new CacheCodec.LinkTables(key, g, linkTables)));
                linksGeneration = g;
                linksDirty = false;
            }
            if (renderedDirty && rendered != null) {
                write(dir, RENDERED, CacheCodec.write(new CacheCodec.Rendered(key, g, rendered)));
                renderedGeneration = g;
                renderedDirty = false;
            }
            if (gitDirty && git != null) {
                write(dir, GIT, new Keyed(key, g, git));
                gitDirty = false;
            }
            if (any) {
                write(dir, GENERATIONS, CacheCodec.write(new CacheCodec.Generations(key, linksGeneration,
                        renderedGeneration, shardGenerations.clone())));
                generation = g;
            }
        } catch (IOException | RuntimeException e) {
            // the next build will be a full one
        }
    }

    /** The entries of one shard, sorted (so that a shard's bytes depend only on its entries). */
    private static <V> TreeMap<String, V> ofShard(Map<String, V> all, int i) {
        TreeMap<String, V> out = new TreeMap<>();
        all.forEach((k, v) -> {
            if (shard(k) == i) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Writes a {@link Keyed} file: its magic number, the serialised object, the checksum. */
    private static void write(Path dir, String name, Serializable content) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) (MAGIC_GIT >>> 24), (byte) (MAGIC_GIT >>> 16), (byte) (MAGIC_GIT >>> 8),
            (byte) MAGIC_GIT});
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        bytes.writeBytes(new byte[CacheSeal.SIZE]);
        write(dir, name, CacheSeal.seal(bytes.toByteArray()));
    }

    /** Writes a file through a temporary one, so that a reader never sees half of it. */
    private static void write(Path dir, String name, byte[] content) {
        Path file = dir.resolve(name);
        Path tmp = dir.resolve(name + ".tmp");
        try {
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
