package dev.specsite.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;

import dev.specsite.diag.Diagnostic;
import dev.specsite.model.Sidecar;
import dev.specsite.model.SourceFile;

/**
 * The first stage: walks the source tree and reads every Markdown file safely (encoding, size,
 * links). Never follows symbolic links, so nothing outside the source root is read.
 */
public final class Scanner {

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", ".hg", ".svn", "node_modules", ".github",
            ".gitlab", ".idea", ".vscode");

    private final List<PathMatcher> excludes;
    private final long maxBytes;
    private final Path skipDir;
    private final List<String> sidecarNames;
    /**
     * What a scan learnt of a file without sidecars: its size and modification time when read, its
     * hash, the diagnostics reading it gave, and when that scan began. A later scan that finds the
     * same size and time, older than the racy window before that scan, takes the file as unchanged
     * without reading it.
     */
    public record Stamp(long size, long modified, String hash, List<Diagnostic> diagnostics, long scanned)
            implements java.io.Serializable {
        public Stamp {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** The stamps of earlier scans. */
    public interface Known {
        /** Nothing known: every file is read. */
        Known NONE = path -> null;

        /** The stamp of a file, or {@code null}. */
        Stamp stamp(String path);
    }

    /**
     * How recent a change may be for the stamp to be trusted (as Git's "racy" files): a file changed
     * this close before the last scan began may have changed again within the clock's resolution.
     */
    private static final long RACY_MILLIS = 2_000;

    /**
     * @param excludes glob patterns matched against '/'-separated paths relative to the root
     * @param maxBytes larger files are reported and skipped
     * @param skipDir  a folder never to descend into (the output folder), or {@code null}
     */
    public Scanner(List<String> excludes, long maxBytes, Path skipDir) {
        this(excludes, maxBytes, skipDir, List.of());
    }

    /**
     * @param excludes     glob patterns matched against '/'-separated paths relative to the root
     * @param maxBytes     larger files are reported and skipped
     * @param skipDir      a folder never to descend into (the output folder), or {@code null}
     * @param sidecarNames file names of metadata sidecars ({@code kep.yaml}): such a file is read
     *                     and attached to the Markdown files of its own folder (not of sub-folders);
     *                     when the folder has a {@code README.md} or {@code index.md}, to that file
     *                     only (the KEP layout: the other files are supporting documents)
     */
    public Scanner(List<String> excludes, long maxBytes, Path skipDir, List<String> sidecarNames) {
        this.sidecarNames = List.copyOf(sidecarNames);
        List<PathMatcher> m = new ArrayList<>();
        for (String glob : excludes) {
            m.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
        }
        this.excludes = List.copyOf(m);
        this.maxBytes = maxBytes;
        this.skipDir = skipDir == null ? null : skipDir.toAbsolutePath().normalize();
    }

    /** Whether a path is Markdown by its name. */
    public static boolean isMarkdown(String name) {
        return endsWithIgnoreCase(name, ".md") || endsWithIgnoreCase(name, ".markdown");
    }

    private static boolean endsWithIgnoreCase(String s, String suffix) {
        return s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
    }

    /** Scans a source root. Throws {@link UncheckedIOException} only when the root cannot be walked at all. */
    public ScanResult scan(Path root) {
        return scan(root, Known.NONE);
    }

    /**
     * Scans a source root. A file whose stamp in {@code known} matches is not read: its
     * {@link SourceFile#text()} is {@code null} and its hash the stamp's (see {@link #read(Path, String)}).
     */
    public ScanResult scan(Path root, Known known) {
        Path base = root.toAbsolutePath().normalize();
        List<Path> markdown = new ArrayList<>();
        List<Path> sidecarFiles = new ArrayList<>();
        List<String> others = new ArrayList<>();
        List<Diagnostic> diags = Collections.synchronizedList(new ArrayList<>());
        Map<Path, BasicFileAttributes> attributes = new java.util.HashMap<>();
        Map<Path, String> relative = new java.util.HashMap<>();
        long start = System.currentTimeMillis();
        String baseText = base.toString();
        int baseLength = baseText.endsWith(base.getFileSystem().getSeparator()) ? baseText.length() : baseText.length() + 1;
        try {
            Files.walkFileTree(base, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(base)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (SKIPPED_DIRS.contains(dir.getFileName().toString()) || dir.equals(skipDir) || excluded(base.relativize(dir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    // the walk's paths start with the root's: the relative path is the rest of the text
                    String relPath = file.toString().substring(baseLength).replace(java.io.File.separatorChar, '/');
                    if (!excludes.isEmpty() && excluded(base.relativize(file))) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        if (isMarkdown(relPath)) {
                            diags.add(Diagnostic.warning(relPath, 0, 0, "symlink-skipped",
                                    "symbolic link not followed", "specsite reads only files inside the source folder"));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                    if (!attrs.isRegularFile()) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (isMarkdown(relPath)) {
                        markdown.add(file);
                        attributes.put(file, attrs);
                        relative.put(file, relPath);
                    } else {
                        if (sidecarNames.contains(file.getFileName().toString())) {
                            sidecarFiles.add(file);
                        }
                        others.add(relPath);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    diags.add(Diagnostic.error(slashes(base.relativize(file)), 0, 0, "unreadable",
                            "cannot read: " + exc.getMessage(), null));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk " + base, e);
        }
        markdown.sort(null);
        others.sort(null);
        Map<Path, List<Sidecar>> sidecars = readSidecars(base, sidecarFiles, diags);
        java.util.Set<Path> withReadme = new java.util.HashSet<>();
        Set<Path> folderPages = new java.util.HashSet<>();
        for (Path p : markdown) {
            if (isFolderPage(relative.get(p))) {
                folderPages.add(p);
                withReadme.add(p.getParent());
            }
        }
        Map<String, Stamp> stamps = new java.util.concurrent.ConcurrentHashMap<>();
        List<SourceFile> files = markdown.parallelStream()
                .map(p -> {
                    List<Sidecar> sc = sidecars.isEmpty() ? List.of()
                            : !withReadme.contains(p.getParent()) || folderPages.contains(p)
                            ? sidecars.getOrDefault(p.getParent(), List.of()) : List.of();
                    BasicFileAttributes a = attributes.get(p);
                    long modified = a.lastModifiedTime().toMillis();
                    String rel = relative.get(p);
                    Stamp old = sc.isEmpty() ? known.stamp(rel) : null;
                    if (old != null && old.size() == a.size() && old.modified() == modified
                            && modified < old.scanned() - RACY_MILLIS) {
                        diags.addAll(old.diagnostics());
                        stamps.put(rel, old);
                        return new SourceFile(rel, null, old.hash(), List.of());
                    }
                    List<Diagnostic> own = new ArrayList<>();
                    SourceFile f = read(base, p, sc, own);
                    diags.addAll(own);
                    if (f != null && sc.isEmpty()) {
                        stamps.put(rel, new Stamp(a.size(), modified, f.hash(), own, start));
                    }
                    return f;
                })
                .filter(f -> f != null)
                .toList();
        files = withSidecarOnlyFolders(base, files, markdown, sidecars);

        List<Diagnostic> sorted = new ArrayList<>(diags);
        sorted.sort(Diagnostic.ORDER);
        return new ScanResult(files, others, sorted, stamps);
    }

    private boolean excluded(Path rel) {
        for (PathMatcher m : excludes) {
            if (m.matches(rel)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The spec files with one more for each folder whose only spec file is its metadata sidecar (a
     * {@code kep.yaml} without a README): a spec of no text at the sidecar's path, with the folder's
     * sidecars, whose page the sidecar's fields make. Sorted by path.
     */
    private static List<SourceFile> withSidecarOnlyFolders(Path base, List<SourceFile> files, List<Path> markdown,
                                                           Map<Path, List<Sidecar>> sidecars) {
        if (sidecars.isEmpty()) {
            return files;
        }
        Set<Path> withMarkdown = new java.util.HashSet<>();
        for (Path p : markdown) {
            withMarkdown.add(p.getParent());
        }
        List<SourceFile> out = new ArrayList<>(files);
        for (Map.Entry<Path, List<Sidecar>> e : sidecars.entrySet()) {
            if (!withMarkdown.contains(e.getKey()) && !e.getValue().isEmpty()) {
                out.add(sidecarOnly(e.getValue()));
            }
        }
        if (out.size() == files.size()) {
            return files;
        }
        out.sort(Comparator.comparing(SourceFile::path));
        return List.copyOf(out);
    }

    /** The spec of a folder whose only spec file is its sidecar: no text, at the first sidecar's path. */
    private static SourceFile sidecarOnly(List<Sidecar> sidecars) {
        StringBuilder all = new StringBuilder("sidecar-only");
        sidecars.forEach(sc -> all.append('\0').append(sc.path()).append('\0').append(sc.text()));
        return new SourceFile(sidecars.get(0).path(), "", hash(all.toString().getBytes(StandardCharsets.UTF_8)), sidecars);
    }

    /** Whether a path ('/'-separated) is its folder's own page ({@code README.md}, {@code index.md}). */
    static boolean isFolderPage(String path) {
        String n = path.substring(path.lastIndexOf('/') + 1);
        return n.equalsIgnoreCase("readme.md") || n.equalsIgnoreCase("index.md") || n.equalsIgnoreCase("readme.markdown")
                || n.equalsIgnoreCase("index.markdown");
    }

    /** Sidecar files by folder, each folder's in the configured order of names. */
    private Map<Path, List<Sidecar>> readSidecars(Path base, List<Path> files, List<Diagnostic> diags) {
        Map<Path, List<Sidecar>> byFolder = new HashMap<>();
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing((Path p) -> p.getParent())
                .thenComparingInt(p -> sidecarNames.indexOf(p.getFileName().toString())));
        for (Path file : sorted) {
            String rel = slashes(base.relativize(file));
            try {
                long size = Files.size(file);
                if (size > maxBytes) {
                    diags.add(Diagnostic.error(rel, 0, 0, "file-too-large", "file is " + size
                            + " bytes, over the limit of " + maxBytes, "raise specsite.max-file-bytes"));
                    continue;
                }
                String text = decode(Files.readAllBytes(file), rel, diags);
                byFolder.computeIfAbsent(file.getParent(), k -> new ArrayList<>()).add(new Sidecar(rel, text));
            } catch (IOException e) {
                diags.add(Diagnostic.error(rel, 0, 0, "unreadable", "cannot read: " + e.getMessage(), null));
            }
        }
        return byFolder;
    }

    /**
     * Reads one Markdown file of a root (one a stamp let the scan skip, when its parse result is
     * needed after all). Its diagnostics are those the scan reported already.
     */
    public SourceFile read(Path root, String path) {
        Path base = root.toAbsolutePath().normalize();
        return read(base, base.resolve(path), List.of(), new ArrayList<>());
    }

    private SourceFile read(Path base, Path file, List<Sidecar> sidecars, List<Diagnostic> diags) {
        String rel = slashes(base.relativize(file));
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                diags.add(Diagnostic.error(rel, 0, 0, "file-too-large", "file is " + size + " bytes, over the limit of "
                        + maxBytes, "raise specsite.max-file-bytes or exclude the file with specsite.exclude"));
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            String hash = hash(bytes);
            if (!sidecars.isEmpty()) {
                StringBuilder all = new StringBuilder(hash);
                sidecars.forEach(sc -> all.append('\0').append(sc.path()).append('\0').append(sc.text()));
                hash = hash(all.toString().getBytes(StandardCharsets.UTF_8));
            }
            return new SourceFile(rel, decode(bytes, rel, diags), hash, sidecars);
        } catch (IOException e) {
            diags.add(Diagnostic.error(rel, 0, 0, "unreadable", "cannot read: " + e.getMessage(), null));
            return null;
        }
    }

    /** UTF-8 (a byte-order mark is dropped); bytes that are not UTF-8 are read as Windows-1252, with a warning. */
    static String decode(byte[] bytes, String rel, List<Diagnostic> diags) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        String text = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text; // malformed input would have become U+FFFD: this was UTF-8
        }
        try { // a U+FFFD as written, or bytes that are not UTF-8
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            diags.add(Diagnostic.warning(rel, 0, 0, "encoding", "file is not valid UTF-8; read as Windows-1252",
                    "save the file as UTF-8"));
            return new String(bytes, offset, bytes.length - offset, Charset.forName("windows-1252"));
        }
    }

    static String hash(byte[] bytes) {
        return ContentHash.of(bytes);
    }

    static String slashes(Path rel) {
        return rel.toString().replace(java.io.File.separatorChar, '/');
    }

}
