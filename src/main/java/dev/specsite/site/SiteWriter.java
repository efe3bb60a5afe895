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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import dev.specsite.diag.Diagnostic;
import dev.specsite.render.Output;

/**
 * Stage 6, write: puts rendered files into the output folder. Files stream in while rendering
 * runs; a file whose bytes are unchanged is not touched, a changed or new one is staged in
 * {@value #STAGING}/ inside the output folder. The commit is written down first
 * ({@link PublishJournal}), then carried out with renames: into an empty output folder each
 * top-level entry of the staged site moves as a whole; otherwise each changed file is renamed over
 * the old one (new files first, then replaced ones, stale ones removed last), so a reader finds an
 * old or a new page at every path, never a missing one. A build that fails leaves the previous site
 * as it was (and a first build leaves nothing); one killed during its commit is finished by the
 * next build. Only files that an earlier build listed in its manifest, that this build no longer
 * produces and that are plain files are deleted. Nothing is written or deleted through a symbolic
 * link, and nothing outside the output folder (by real path) is touched.
 */
public final class SiteWriter {

    /** The manifest of files specsite wrote into the output folder. */
    public static final String MANIFEST = ".specsite-manifest";
    /** Where changed files wait until the build has succeeded. */
    public static final String STAGING = ".specsite-staging";
    /** The file a build locks so that no second build writes into the same folder meanwhile. */
    public static final String LOCK = ".specsite-lock";

    private final OutputTree tree;
    private final Path root;

    public SiteWriter(Path outputDir) {
        this.tree = new OutputTree(outputDir);
        this.root = tree.root();
    }

    /**
     * Counts of what a write did.
     *
     * @param written      files written because their bytes changed (or were new)
     * @param unchanged    files left as they were
     * @param deleted      stale files of earlier builds removed
     * @param renames      renames of the commit
     * @param publishNanos time from the commit's first rename to its last (0 without renames)
     */
    public record Stats(int written, int unchanged, int deleted, int renames, long publishNanos) {
    }

    /**
     * Refuses an output folder that would put sources or unrelated files at risk: the file system
     * root, the home folder or a folder holding it, a folder holding the source or the project.
     * Paths are compared by real path (links resolved, of the folder or of its longest existing
     * ancestor).
     */
    public static void checkSafe(Path output, Path source, Path project) {
        Path out = OutputTree.real(output);
        Path src = OutputTree.real(source);
        if (out.getParent() == null) {
            throw new UnsafeOutputException("the output folder cannot be the file system root");
        }
        String home = System.getProperty("user.home");
        if (home != null && !home.isEmpty()) {
            Path h = OutputTree.real(Path.of(home));
            if (out.equals(h)) {
                throw new UnsafeOutputException("the output folder cannot be the home folder");
            }
            if (h.startsWith(out)) {
                throw new UnsafeOutputException("the output folder " + out + " contains the home folder");
            }
        }
        if (src.startsWith(out)) {
            throw new UnsafeOutputException("the output folder " + out + " contains the source folder " + src);
        }
        if (project != null && OutputTree.real(project).startsWith(out)) {
            throw new UnsafeOutputException("the output folder " + out + " contains the project folder");
        }
    }

    /** One write of a site: accept files (from any thread), then commit or abort. */
    public final class Session implements AutoCloseable, dev.specsite.render.RenderSink {
        private final Path staging = root.resolve(STAGING);
        private final Set<String> produced = ConcurrentHashMap.newKeySet();
        private final Set<String> staged = ConcurrentHashMap.newKeySet();
        private final List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());
        private final java.util.concurrent.atomic.AtomicInteger unchanged = new java.util.concurrent.atomic.AtomicInteger();
        /** Folders made in the staging folder: creating one again costs a system call per file. */
        private final Set<Path> madeDirs = ConcurrentHashMap.newKeySet();
        /** Into an empty output folder there is no previous site to compare with: every file is new. */
        private final boolean fresh;
        private boolean committed;
        /**
         * Held shared by each file being staged, exclusively by {@link #close()}: a render thread still
         * running when another one failed cannot stage a file after the staging folder is dropped.
         */
        private final java.util.concurrent.locks.ReadWriteLock gate = new java.util.concurrent.locks.ReentrantReadWriteLock();
        private volatile boolean closed;

        private Session() throws IOException {
            Files.createDirectories(root);
            PublishJournal.recover(tree, staging);
            try (Stream<Path> s = Files.list(root)) {
                fresh = s.allMatch(p -> p.getFileName().toString().equals(LOCK));
            }
            Files.createDirectory(staging);
        }

        /** Whether the output folder held no site when the session began. */
        boolean fresh() {
            return fresh;
        }

        /** The problems found while writing (attachments skipped, stale paths not removed), unsorted. */
        public List<Diagnostic> diagnostics() {
            synchronized (diagnostics) {
                return List.copyOf(diagnostics);
            }
        }

        /**
         * A scratch folder inside the staging folder, emptied and made: gone with the staging folder,
         * never published (its name is one no site path may take).
         */
        Path scratch(String name) throws IOException {
            Path dir = staging.resolve(OutputTree.RESERVED_PREFIX + name);
            PublishJournal.deleteTree(dir);
            Files.createDirectory(dir);
            return dir;
        }

        /** Records a problem found while writing. */
        void report(Diagnostic d) {
            diagnostics.add(d);
        }

        /**
         * Keeps every file an earlier build wrote at these paths as it is, or none of them: when one is
         * missing, nothing is kept and {@code false} returned (then the pages must all be rendered).
         */
        public boolean keepAll(List<String> paths) {
            boolean all = !fresh && paths.parallelStream().allMatch(path -> {
                Path target = tree.resolve(path);
                try {
                    return target != null && tree.isPlainFile(target) && !produced.contains(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (all) {
                produced.addAll(paths);
                unchanged.addAndGet(paths.size());
            }
            return all;
        }

        /**
         * Keeps the file an earlier build wrote at {@code path} as it is.
         *
         * @return false when there is no such file (then the page must be rendered)
         */
        public boolean keep(String path) {
            Path target = tree.resolve(path);
            try {
                if (target == null || fresh || !tree.isPlainFile(target) || !produced.add(path)) {
                    return false;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            unchanged.incrementAndGet();
            return true;
        }

        /** Takes one file of the site; stages it when its bytes differ from the current file. */
        @Override
        public void accept(Output o) {
            gate.readLock().lock();
            try {
                Path target = claim(o.path());
                if (!fresh) {
                    BasicFileAttributes a = tree.plainFile(target);
                    if (a != null && a.size() == o.bytes().length && Arrays.equals(Files.readAllBytes(target), o.bytes())) {
                        unchanged.incrementAndGet();
                        return;
                    }
                }
                Files.write(stage(o.path()), o.bytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                gate.readLock().unlock();
            }
        }

        /**
         * Takes one file of the site as a copy of a file on disk, streamed (never read whole into
         * memory); stages it when its bytes differ from the current file.
         */
        public void copy(String path, Path from) throws IOException {
            gate.readLock().lock();
            try {
                Path target = claim(path);
                if (!fresh) {
                    BasicFileAttributes a = tree.plainFile(target);
                    if (a != null && a.size() == Files.size(from) && Files.mismatch(from, target) == -1) {
                        unchanged.incrementAndGet();
                        return;
                    }
                }
                Files.copy(from, stage(path), StandardCopyOption.REPLACE_EXISTING);
            } finally {
                gate.readLock().unlock();
            }
        }

        private Path claim(String path) throws IOException {
            if (closed) {
                throw new IOException("the write of the site was abandoned");
            }
            Path target = tree.resolve(path);
            if (target == null) {
                throw new IOException("refusing to write " + path + ": not a plain path inside the output folder");
            }
            if (!produced.add(path)) {
                throw new IllegalStateException("two files for one path: " + path);
            }
            return target;
        }

        private Path stage(String path) throws IOException {
            Path s = staging.resolve(path);
            Path dir = s.getParent();
            if (!madeDirs.contains(dir)) {
                Files.createDirectories(dir);
                madeDirs.add(dir);
            }
            staged.add(path);
            return s;
        }

        /**
         * Publishes the staged files and removes stale files of earlier builds, by a journal written
         * first (see the class comment).
         *
         * @param keptPaths files put there by others in this build: listed in the manifest, never deleted
         */
        public Stats commit(List<String> keptPaths) throws IOException {
            Set<String> all = new java.util.HashSet<>(produced);
            all.addAll(keptPaths);
            List<String> before = oldManifest();
            List<String> stale = new ArrayList<>();
            if (before != null) {
                for (String line : before) {
                    String p = line.strip();
                    if (p.isEmpty() || all.contains(p)) {
                        continue;
                    }
                    Path old = tree.resolve(p);
                    if (old != null && tree.isPlainFile(old)) {
                        stale.add(p);
                    } else if (old == null || OutputTree.attributes(old) != null) {
                        report(Diagnostic.warning(root.resolve(MANIFEST).toString(), 1, 1, "stale-file-kept",
                                "not removing " + p + " listed in the manifest: not a plain file inside the output folder",
                                "remove it by hand if it is not wanted"));
                    }
                }
                stale.sort(null);
            }
            List<String> sorted = new ArrayList<>(all);
            sorted.sort(null);
            byte[] m = (String.join("\n", sorted) + "\n").getBytes(StandardCharsets.UTF_8);
            Path manifest = root.resolve(MANIFEST);
            boolean newManifest = before == null || !Arrays.equals(Files.readAllBytes(manifest), m);
            if (newManifest) {
                Files.write(staging.resolve(MANIFEST), m);
            }
            List<String> moves = fresh ? topLevel() : ordered();
            if (newManifest) {
                moves.add(MANIFEST);
            }
            long[] timing = new long[2];
            int deleted = 0;
            if (!moves.isEmpty() || !stale.isEmpty()) {
                PublishJournal journal = new PublishJournal(moves, stale);
                journal.write(root);
                deleted = journal.apply(tree, staging, timing);
            } else {
                PublishJournal.deleteTree(staging);
            }
            committed = true;
            int renames = moves.size();
            return new Stats(staged.size(), unchanged.get(), deleted, renames, timing[1] - timing[0]);
        }

        /** The manifest of the last build, when it is a plain file; {@code null} when there is none. */
        private List<String> oldManifest() throws IOException {
            Path manifest = root.resolve(MANIFEST);
            BasicFileAttributes a = OutputTree.attributes(manifest);
            if (a == null || !a.isRegularFile()) {
                return null;
            }
            return Files.readAllLines(manifest, StandardCharsets.UTF_8);
        }

        /** Into an empty output folder: the staged top-level entries, each moved whole. */
        private List<String> topLevel() throws IOException {
            try (Stream<Path> s = Files.list(staging)) {
                return new ArrayList<>(s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(OutputTree.RESERVED_PREFIX)).sorted().toList());
            }
        }

        /** The staged files, those new to the output folder first, then those that replace a file. */
        private List<String> ordered() throws IOException {
            List<String> added = new ArrayList<>();
            List<String> replaced = new ArrayList<>();
            for (String p : staged) {
                (OutputTree.attributes(root.resolve(p)) == null ? added : replaced).add(p);
            }
            added.sort(null);
            replaced.sort(null);
            added.addAll(replaced);
            return added;
        }

        /** Drops what was staged: the output folder stays as it was (an empty one stays empty). */
        @Override
        public void close() throws IOException {
            gate.writeLock().lock();
            try {
                closed = true;
                if (!committed) {
                    PublishJournal.deleteTree(staging);
                }
            } finally {
                gate.writeLock().unlock();
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
        Path dir = OutputTree.real(outputDir);
        Files.createDirectories(dir);
        // a link planted as the lock file is not followed (it would create or open a file elsewhere)
        java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(dir.resolve(LOCK),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
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

    /** Starts a write: first finishes a commit an interrupted build left, or drops its staged files. */
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
