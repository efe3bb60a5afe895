package dev.specsite.link;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The output files claimed so far, each by a spec id, and their folders: a path is free when it is
 * neither a claimed file nor a folder of one, and none of its folders is a claimed file
 * ({@code specs/A.html/x.html} cannot be written beside {@code specs/A.html}). Compared without
 * case, as a case-insensitive file system compares them.
 */
final class OutputPaths {
    /** Claimed file to the id that claimed it. */
    private final Map<String, String> files = new HashMap<>();
    /** Folder of claimed files to the id of the first file claimed in it. */
    private final Map<String, String> folders = new HashMap<>();

    /**
     * Claims a path for a file of {@code owner}: {@code null} when it was free, else the owner of the
     * file or folder in the way (nothing claimed then).
     */
    String claim(String path, String owner) {
        String lower = path.toLowerCase(Locale.ROOT);
        String other = files.get(lower);
        if (other == null) {
            other = folders.get(lower);
        }
        if (other != null) {
            return other;
        }
        int last = lower.lastIndexOf('/');
        // a known folder is no file, and its own folders are known: only the folders below it are checked
        int known = last;
        while (known > 0 && !folders.containsKey(lower.substring(0, known))) {
            other = files.get(lower.substring(0, known));
            if (other != null) {
                return other;
            }
            known = lower.lastIndexOf('/', known - 1);
        }
        files.put(lower, owner);
        for (int i = last; i > known; i = lower.lastIndexOf('/', i - 1)) {
            folders.put(lower.substring(0, i), owner);
        }
        return null;
    }
}
