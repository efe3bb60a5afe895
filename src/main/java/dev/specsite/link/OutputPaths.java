package dev.specsite.link;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The output files claimed so far, and their folders: a path is free when it is neither a claimed
 * file nor a folder of one, and none of its folders is a claimed file ({@code specs/A.html/x.html}
 * cannot be written beside {@code specs/A.html}). Compared without case, as a case-insensitive file
 * system compares them.
 */
final class OutputPaths {
    private final Set<String> files = new HashSet<>();
    private final Set<String> folders = new HashSet<>();

    /** Claims a path for a file; {@code false} (and nothing claimed) when it is not free. */
    boolean claim(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (files.contains(lower) || folders.contains(lower)) {
            return false;
        }
        for (int i = lower.indexOf('/'); i > 0; i = lower.indexOf('/', i + 1)) {
            if (files.contains(lower.substring(0, i))) {
                return false;
            }
        }
        files.add(lower);
        for (int i = lower.indexOf('/'); i > 0; i = lower.indexOf('/', i + 1)) {
            folders.add(lower.substring(0, i));
        }
        return true;
    }
}
