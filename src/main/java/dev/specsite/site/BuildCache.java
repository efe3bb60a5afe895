package dev.specsite.site;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.TreeMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.specsite.parse.ParsedSpec;
import dev.specsite.render.PageMemo;

/**
 * What a build keeps for the next one: each file's parse result (by content hash) and the
 * fingerprint each spec page was rendered from. Kept in memory by a {@link SiteBuilder} and on
 * disk in the output folder ({@value #FILE}), so that a command-line rebuild after one edit
 * parses one file and renders the pages that changed. A cache that cannot be read is ignored:
 * the build is then a full one.
 */
final class BuildCache implements PageMemo {

    /** The cache file's name in the output folder. */
    static final String FILE = ".specsite-cache";

    private final String key;
    final Map<String, ParsedSpec> parsed = new ConcurrentHashMap<>();
    final Map<String, Long> pages = new ConcurrentHashMap<>();

    BuildCache(String key) {
        this.key = key;
    }

    /** What is written to disk. */
    private record Stored(String key, TreeMap<String, ParsedSpec> parsed, TreeMap<String, Long> pages)
            implements Serializable {
    }

    String key() {
        return key;
    }

    @Override
    public boolean unchanged(String path, long fingerprint) {
        Long old = pages.get(path);
        return old != null && old == fingerprint;
    }

    @Override
    public void remember(String path, long fingerprint) {
        pages.put(path, fingerprint);
    }

    /** Keeps only the pages of this build. */
    void retainPages(Set<String> paths) {
        pages.keySet().retainAll(paths);
    }

    /** Reads the cache of an output folder; an empty cache when there is none, it is stale or unreadable. */
    static BuildCache load(Path outputDir, String key) {
        BuildCache cache = new BuildCache(key);
        Path file = outputDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return cache;
        }
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter(
                    "java.base/*;dev.specsite.**;maxdepth=20;!*"));
            Object o = in.readObject();
            if (o instanceof Stored s && key.equals(s.key())) {
                cache.parsed.putAll(s.parsed());
                cache.pages.putAll(s.pages());
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // a cache from another version or a damaged file: build from scratch
        }
        return cache;
    }

    /** Writes the cache into the output folder; failing to do so only costs the next build its speed. */
    void save(Path outputDir) {
        Path file = outputDir.resolve(FILE);
        Path tmp = outputDir.resolve(FILE + ".tmp");
        try {
            try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeObject(new Stored(key, new TreeMap<>(parsed), new TreeMap<>(pages)));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
