package dev.specsite.site;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The output folder as the writer sees it: its real path, and every path below it checked
 * component by component without following symbolic links. A link in the way of a write is a
 * refusal ({@link LinkInOutputException}), never followed; deletions take plain files only.
 */
final class OutputTree {

    /** Top-level names the writer keeps for itself (manifest, lock, staging, journal, cache). */
    static final String RESERVED_PREFIX = ".specsite-";

    private final Path root;
    /** Folders below the root found to be real folders (not links): checked once per build. */
    private final Set<Path> checked = ConcurrentHashMap.newKeySet();

    OutputTree(Path outputDir) {
        this.root = real(outputDir);
    }

    Path root() {
        return root;
    }

    /**
     * The real path of a path that may not exist yet: the real path of its longest existing
     * ancestor, with the remaining names appended.
     *
     * @throws UnsafeOutputException when the path goes through a broken symbolic link
     */
    static Path real(Path path) {
        Path p = path.toAbsolutePath();
        Deque<Path> rest = new ArrayDeque<>();
        while (p != null) {
            try {
                Path r = p.toRealPath();
                for (Path name : rest) {
                    r = r.resolve(name);
                }
                return r.normalize();
            } catch (IOException e) {
                if (Files.isSymbolicLink(p)) {
                    throw new UnsafeOutputException("the output folder's path goes through the broken symbolic link " + p);
                }
                if (p.getFileName() != null) {
                    rest.push(p.getFileName());
                }
                p = p.getParent();
            }
        }
        return path.toAbsolutePath().normalize();
    }

    /**
     * The file of a site path, or {@code null} when the path would leave the output folder, is the
     * root itself, holds a line break, or is one of the writer's own top-level names.
     */
    Path resolve(String sitePath) {
        if (sitePath.indexOf('\n') >= 0 || sitePath.indexOf('\r') >= 0 || sitePath.indexOf('\0') >= 0) {
            return null;
        }
        Path p = root.resolve(sitePath).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            return null;
        }
        // the first name below the root (Path.relativize, which makes a new path, took a tenth of the
        // in-process rebuild's render stage at 10,000 specs: every kept page is checked)
        return p.getName(root.getNameCount()).toString().startsWith(RESERVED_PREFIX) ? null : p;
    }

    /**
     * Checks that a folder below the root (or the root) is reached through real folders only.
     *
     * @param create whether to create the missing folders
     * @return whether the folder exists (always true when {@code create})
     * @throws LinkInOutputException when a symbolic link or a file is in the way
     */
    boolean folder(Path dir, boolean create) throws IOException {
        if (dir.equals(root) || checked.contains(dir)) {
            return true;
        }
        if (!dir.startsWith(root)) {
            throw new LinkInOutputException("refusing to write outside the output folder: " + dir);
        }
        if (!folder(dir.getParent(), create)) {
            return false;
        }
        BasicFileAttributes a = attributes(dir);
        if (a == null) {
            if (!create) {
                return false;
            }
            try {
                Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                // made meanwhile by another thread of this build: checked below
            }
            a = attributes(dir);
        }
        if (a == null || a.isSymbolicLink()) {
            throw new LinkInOutputException("refusing to write through the symbolic link " + dir
                    + " in the output folder; remove the link");
        }
        if (!a.isDirectory()) {
            throw new LinkInOutputException("refusing to write into " + dir + ": it is a file, not a folder");
        }
        checked.add(dir);
        return true;
    }

    /** A file's own attributes (a link is not followed), or {@code null} when there is none. */
    static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * The attributes of the file at a path below the root when it is a plain file reached through
     * real folders; {@code null} when there is nothing there.
     *
     * @throws LinkInOutputException when a symbolic link, or a folder, is in the way
     */
    BasicFileAttributes plainFile(Path file) throws IOException {
        if (!folder(file.getParent(), false)) {
            return null;
        }
        BasicFileAttributes a = attributes(file);
        if (a != null && a.isSymbolicLink()) {
            throw new LinkInOutputException("refusing to write through the symbolic link " + file
                    + " in the output folder; remove the link");
        }
        if (a != null && !a.isRegularFile()) {
            throw new LinkInOutputException("refusing to replace " + file + ": it is not a plain file");
        }
        return a;
    }

    /** Whether a path below the root is a plain file reached through real folders (never throws for links). */
    boolean isPlainFile(Path file) throws IOException {
        try {
            return plainFile(file) != null;
        } catch (LinkInOutputException e) {
            return false;
        }
    }

    /** A symbolic link or a file where the writer needs a folder or a plain file. */
    static final class LinkInOutputException extends IOException {
        private static final long serialVersionUID = 1L;

        LinkInOutputException(String message) {
            super(message);
        }
    }
}
