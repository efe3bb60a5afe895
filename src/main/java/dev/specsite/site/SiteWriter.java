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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.specsite.render.Output;

/**
 * Stage 6, write: puts rendered files into the output folder. Writes only files whose bytes changed
 * (each through a temporary file and an atomic move), and deletes only files that an earlier build
 * of specsite wrote there (listed in its manifest) and that this build no longer produces. Nothing
 * outside the output folder is touched.
 */
public final class SiteWriter {

    /** The manifest of files specsite wrote into the output folder. */
    public static final String MANIFEST = ".specsite-manifest";

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

    /**
     * Writes the outputs; removes stale files of earlier builds.
     *
     * @param extraFiles more files to write (copied attachments, embedded assets), site path to bytes
     * @param keptPaths  files put there by others in this build (theme assets copied by JBake): listed
     *                   in the manifest, never deleted
     */
    public Stats write(List<Output> outputs, Map<String, byte[]> extraFiles, List<String> keptPaths) throws IOException {
        Files.createDirectories(root);
        Set<String> produced = Collections.synchronizedSet(new TreeSet<>());
        AtomicInteger written = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        List<Output> all = new ArrayList<>(outputs);
        extraFiles.forEach((p, b) -> all.add(new Output(p, b)));
        try {
            all.parallelStream().forEach(o -> {
                try {
                    if (writeIfChanged(o.path(), o.bytes())) {
                        written.incrementAndGet();
                    } else {
                        unchanged.incrementAndGet();
                    }
                    produced.add(o.path());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        produced.addAll(keptPaths);
        int deleted = 0;
        Path manifest = root.resolve(MANIFEST);
        if (Files.isRegularFile(manifest)) {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                String p = line.strip();
                if (p.isEmpty() || produced.contains(p)) {
                    continue;
                }
                Path old = resolve(p);
                if (old != null && Files.isRegularFile(old) && Files.deleteIfExists(old)) {
                    deleted++;
                    pruneEmptyParents(old.getParent());
                }
            }
        }
        writeIfChanged(MANIFEST, (String.join("\n", produced) + "\n").getBytes(StandardCharsets.UTF_8));
        return new Stats(written.get(), unchanged.get(), deleted);
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

    /** The file of a site path, or {@code null} when the path would leave the output folder. */
    private Path resolve(String sitePath) {
        Path p = root.resolve(sitePath).normalize();
        return p.startsWith(root) && !p.equals(root) ? p : null;
    }

    private boolean writeIfChanged(String sitePath, byte[] bytes) throws IOException {
        Path target = resolve(sitePath);
        if (target == null) {
            throw new IOException("refusing to write outside the output folder: " + sitePath);
        }
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return false;
        }
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".specsite-tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
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
