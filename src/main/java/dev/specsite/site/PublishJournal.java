package dev.specsite.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The commit of a build, written down before it starts: the renames from the staging folder into
 * place, then the removal of stale files. A build that dies during the commit (even by
 * {@code kill -9}) leaves the journal; the next build rolls it forward before anything else, so
 * the output folder ends as the whole site of the build that died. The journal appears by an
 * atomic rename, so it is either absent or complete.
 *
 * @param moves   paths relative to the staging folder, each renamed to the same path in the output
 *                folder (files, or whole top-level folders into an empty output folder), in order
 * @param deletes site paths of stale files of earlier builds, removed when they are plain files
 */
record PublishJournal(List<String> moves, List<String> deletes) {

    /** The journal's file in the output folder. */
    static final String NAME = ".specsite-journal";
    private static final String HEADER = "specsite-journal 1";
    private static final String END = "end";

    PublishJournal {
        moves = List.copyOf(moves);
        deletes = List.copyOf(deletes);
    }

    /** Writes the journal into the output folder, atomically. */
    void write(Path root) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        moves.forEach(m -> sb.append("M ").append(m).append('\n'));
        deletes.forEach(d -> sb.append("D ").append(d).append('\n'));
        sb.append(END).append('\n');
        Path tmp = root.resolve(NAME + ".tmp");
        Files.deleteIfExists(tmp);
        // made anew: a link planted under this name is removed above, never written through
        Files.writeString(tmp, sb, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE);
        Files.move(tmp, root.resolve(NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The journal a build left, or {@code null} when there is none (or only a part written before its rename). */
    static PublishJournal read(Path root) throws IOException {
        Files.deleteIfExists(root.resolve(NAME + ".tmp"));
        Path file = root.resolve(NAME);
        if (OutputTree.attributes(file) == null || !Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(file); // a link planted in its place is not read
            return null;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(lines.size() - 1).equals(END)) {
            throw new IOException("the commit journal " + file + " is damaged; remove it and build again");
        }
        List<String> moves = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (String l : lines.subList(1, lines.size() - 1)) {
            if (l.startsWith("M ")) {
                moves.add(l.substring(2));
            } else if (l.startsWith("D ")) {
                deletes.add(l.substring(2));
            } else {
                throw new IOException("the commit journal " + file + " is damaged; remove it and build again");
            }
        }
        return new PublishJournal(moves, deletes);
    }

    /**
     * Carries the journal out: renames each staged path that is still there (one already renamed is
     * gone from the staging folder), removes each stale file that is still a plain file, then the
     * journal. Running it again after an interruption finishes the same commit.
     *
     * @param timing {@code null} when rolling a journal forward (a staged path that is gone was renamed
     *               already); otherwise every staged path is there, and this receives the time of the
     *               first and of the last rename
     * @return how many stale files were removed
     */
    int apply(OutputTree tree, Path staging, long[] timing) throws IOException {
        Path root = tree.root();
        for (String m : moves) {
            Path from = staging.resolve(m).normalize();
            Path to = root.resolve(m).normalize();
            if (!from.startsWith(staging) || !to.startsWith(root) || to.equals(root)) {
                throw new IOException("the commit journal names a path outside the output folder: " + m);
            }
            if (timing == null && OutputTree.attributes(from) == null) {
                continue; // rolling forward: renamed before the build died
            }
            tree.folder(to.getParent(), true);
            if (timing != null && timing[0] == 0) {
                timing[0] = System.nanoTime();
            }
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (timing != null) {
                timing[1] = System.nanoTime();
            }
        }
        int deleted = 0;
        for (String d : deletes) {
            Path old = tree.resolve(d);
            if (old != null && tree.isPlainFile(old) && Files.deleteIfExists(old)) {
                deleted++;
                pruneEmptyParents(root, old.getParent());
            }
        }
        Files.deleteIfExists(root.resolve(NAME));
        deleteTree(staging);
        return deleted;
    }

    /**
     * Finishes a commit that a build left half done (rolled forward), and drops the staging folder
     * of a build that died before its commit.
     *
     * @return whether a journal was rolled forward
     */
    static boolean recover(OutputTree tree, Path staging) throws IOException {
        PublishJournal left = read(tree.root());
        if (left != null) {
            left.apply(tree, staging, null);
            return true;
        }
        deleteTree(staging);
        return false;
    }

    /** Removes emptied folders from {@code dir} up to (not including) the root. */
    static void pruneEmptyParents(Path root, Path dir) throws IOException {
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

    /** Removes a folder and everything in it; links inside are removed, never followed. */
    static void deleteTree(Path dir) throws IOException {
        if (OutputTree.attributes(dir) == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
