package dev.specsite.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.specsite.render.Output;

/**
 * Stage 6, write: puts rendered files into the output folder. Files stream in while rendering
 * runs; a file whose bytes are unchanged is not touched, a changed one is staged in
 * {@code .specsite-staging/} inside the output folder and moved into place only when the whole
 * site rendered, so a failed build leaves the previous site as it was. Only files that an earlier
 * build of specsite wrote (listed in its manifest) and that this build no longer produces are
 * deleted. Nothing outside the output folder is touched.
 */
public final class SiteWriter {

    /** The manifest of files specsite wrote into the output folder. */
    public static final String MANIFEST = ".specsite-manifest";
    /** Where changed files wait until the build has succeeded. */
    public static final String STAGING = ".specsite-staging";
    /** The file a build locks so that no second build writes into the same folder meanwhile. */
    public static final String LOCK = ".specsite-lock";

    private final Path root;

    public SiteWriter(Path outputDir) {
        this.root = outputDir.toAbsolutePath().normalize();
    }

    /** Counts of what a write did. */
    public record Stats(int written, int unchanged, int deleted) {
    }

    /** Refuses an output folder that would put sources or unrelated files at risk. */
    public static void checkSafe(Path output, Path source, Path project) {
        Path out = output.toAbsolutePath().normalize();
        Path src = source.toAbsolutePath().normalize();
        if (out.getParent() == null) {
            throw new UnsafeOutputException("the output folder cannot be the file system root");
        }
        String home = System.getProperty("user.home");
        if (home != null && out.equals(Path.of(home).toAbsolutePath().normalize())) {
            throw new UnsafeOutputException("the output folder cannot be the home folder");
        }
        if (src.startsWith(out)) {
            throw new UnsafeOutputException("the output folder " + out + " contains the source folder " + src);
        }
        if (project != null && project.toAbsolutePath().normalize().startsWith(out)) {
            throw new UnsafeOutputException("the output folder " + out + " contains the project folder");
        }
    }

    /** One write of a site: accept files (from any thread), then commit or abort. */
    public final class Session implements AutoCloseable, dev.specsite.render.RenderSink {
        private final Path staging = root.resolve(STAGING);
        private final Set<String> produced = ConcurrentHashMap.newKeySet();
        private final Set<String> staged = ConcurrentHashMap.newKeySet();
        private final AtomicInteger unchanged = new AtomicInteger();
        private final AtomicInteger direct = new AtomicInteger();
        /** Folders known to exist: creating one again costs a system call per file. */
        private final Set<Path> madeDirs = ConcurrentHashMap.newKeySet();
        /** Into an empty output folder there is no previous site to keep: files go straight to their place. */
        private final boolean fresh;
        private boolean committed;

        private Session() throws IOException {
            boolean empty = !Files.exists(root);
            if (!empty) {
                try (Stream<Path> s = Files.list(root)) {
                    empty = s.allMatch(p -> p.getFileName().toString().equals(LOCK));
                }
            }
            fresh = empty;
            Files.createDirectories(root);
            deleteTree(staging);
        }

        @Override
        public boolean keep(String path) {
            Path target = resolve(path);
            if (target == null || !Files.isRegularFile(target) || !produced.add(path)) {
                return false;
            }
            unchanged.incrementAndGet();
            return true;
        }

        /** Takes one file of the site; writes it to staging when its bytes differ from the current file. */
        @Override
        public void accept(Output o) {
            try {
                Path target = resolve(o.path());
                if (target == null) {
                    throw new IOException("refusing to write outside the output folder: " + o.path());
                }
                if (!produced.add(o.path())) {
                    throw new IllegalStateException("two files for one path: " + o.path());
                }
                if (fresh) {
                    makeDirs(target.getParent());
                    Files.write(target, o.bytes());
                    direct.incrementAndGet();
                    return;
                }
                if (Files.isRegularFile(target) && Files.size(target) == o.bytes().length
                        && Arrays.equals(Files.readAllBytes(target), o.bytes())) {
                    unchanged.incrementAndGet();
                    return;
                }
                Path s = staging.resolve(o.path());
                makeDirs(s.getParent());
                Files.write(s, o.bytes());
                staged.add(o.path());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void makeDirs(Path dir) throws IOException {
            if (!madeDirs.contains(dir)) {
                Files.createDirectories(dir);
                madeDirs.add(dir);
            }
        }

        /**
         * Moves the staged files into place, removes stale files of earlier builds, writes the manifest.
         *
         * @param keptPaths files put there by others in this build (theme assets copied by JBake):
         *                  listed in the manifest, never deleted
         */
        public Stats commit(List<String> keptPaths) throws IOException {
            List<String> moves = new ArrayList<>(staged);
            moves.sort(null);
            for (String p : moves) {
                Path target = resolve(p);
                makeDirs(target.getParent());
                Files.move(staging.resolve(p), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            deleteTree(staging);
            Set<String> all = new java.util.HashSet<>(produced);
            all.addAll(keptPaths);
            int deleted = 0;
            Path manifest = root.resolve(MANIFEST);
            List<String> before = Files.isRegularFile(manifest) ? Files.readAllLines(manifest, StandardCharsets.UTF_8) : null;
            if (before != null && before.size() == all.size() && new java.util.HashSet<>(before).equals(all)) {
                // the same files as last time: nothing to delete, and the manifest (sorted, one per line) is the same
                committed = true;
                return new Stats(moves.size() + direct.get(), unchanged.get(), 0);
            }
            List<String> sorted = new ArrayList<>(all);
            sorted.sort(null);
            if (before != null) {
                for (String line : before) {
                    String p = line.strip();
                    if (p.isEmpty() || all.contains(p)) {
                        continue;
                    }
                    Path old = resolve(p);
                    if (old != null && Files.isRegularFile(old) && Files.deleteIfExists(old)) {
                        deleted++;
                        pruneEmptyParents(old.getParent());
                    }
                }
            }
            byte[] m = (String.join("\n", sorted) + "\n").getBytes(StandardCharsets.UTF_8);
            if (!Files.isRegularFile(manifest) || !Arrays.equals(Files.readAllBytes(manifest), m)) {
                Files.write(manifest, m);
            }
            committed = true;
            return new Stats(moves.size() + direct.get(), unchanged.get(), deleted);
        }

        /** Drops what was staged (or, into a folder that was empty, what was written): the folder stays as it was. */
        @Override
        public void close() throws IOException {
            if (!committed) {
                deleteTree(staging);
                if (fresh) {
                    for (String p : produced) {
                        Path f = resolve(p);
                        if (f != null && Files.deleteIfExists(f)) {
                            pruneEmptyParents(f.getParent());
                        }
                    }
                }
            }
        }
    }

    /**
     * Locks an output folder for one build (creating the folder): a second build into it, from this
     * process or another, fails at once instead of mixing its files and cache with the first one's.
     * The lock goes with {@link Lock#close()} or the process; the lock file stays (removing it
     * would race with a build that opened it).
     *
     * @throws BuildLockedException when another build holds the lock
     */
    public static Lock lock(Path outputDir) throws IOException {
        Path dir = outputDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(dir.resolve(LOCK),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock held;
        try {
            held = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            held = null; // this process builds into the folder already
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (held == null) {
            channel.close();
            throw new BuildLockedException("another specsite build is writing into " + dir
                    + "; build again when it has finished");
        }
        return new Lock(channel);
    }

    /** A held output folder lock. */
    public static final class Lock implements AutoCloseable {
        private final java.nio.channels.FileChannel channel;

        private Lock(java.nio.channels.FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void close() throws IOException {
            channel.close(); // releases the lock
        }
    }

    /** Another build holds the output folder. */
    public static final class BuildLockedException extends IOException {
        BuildLockedException(String message) {
            super(message);
        }
    }

    /** Starts a write. */
    public Session begin() throws IOException {
        return new Session();
    }

    /** Writes a whole set of files at once (see {@link Session}). */
    public Stats write(List<Output> outputs, Map<String, byte[]> extraFiles, List<String> keptPaths) throws IOException {
        try (Session s = begin()) {
            try {
                outputs.parallelStream().forEach(s::accept);
                extraFiles.forEach((p, b) -> s.accept(new Output(p, b)));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return s.commit(keptPaths);
        }
    }

    private void pruneEmptyParents(Path dir) throws IOException {
        Path d = dir;
        while (d != null && !d.equals(root) && d.startsWith(root)) {
            try (Stream<Path> s = Files.list(d)) {
                if (s.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(d);
            d = d.getParent();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The file of a site path, or {@code null} when the path would leave the output folder. */
    private Path resolve(String sitePath) {
        Path p = root.resolve(sitePath).normalize();
        return p.startsWith(root) && !p.equals(root) && !p.startsWith(root.resolve(STAGING)) ? p : null;
    }

    /**
     * Reads the files of a theme's asset folder on the class path (the embedded default theme), as
     * site path to bytes.
     */
    public static Map<String, byte[]> classpathAssets(String folder) throws IOException {
        Map<String, byte[]> out = new java.util.TreeMap<>();
        URL url = SiteWriter.class.getResource(folder);
        if (url == null) {
            return out;
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (uri.getScheme().equals("jar")) {
            try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                collect(fs.getPath(folder), out);
            }
        } else {
            collect(Path.of(uri), out);
        }
        return out;
    }

    /** Reads every regular file below a folder, as relative path to bytes. */
    public static void collect(Path base, Map<String, byte[]> out) throws IOException {
        try (Stream<Path> s = Files.walk(base)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = base.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith(".") || rel.contains("/.")) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(p)) {
                    out.put(rel, in.readAllBytes());
                }
            }
        }
    }
}
