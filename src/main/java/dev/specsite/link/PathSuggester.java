package dev.specsite.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * "Did you mean" for a link to a file that does not exist: the spec or file whose name is nearest
 * to the missing one's (Levenshtein, within half its length, at least 3), ties to the first path in
 * string order. Names are grouped by length and tried from the missing name's length outwards,
 * stopping where the length difference alone exceeds the best distance found; each distinct
 * missing name is looked up once; a lookup compares at most {@link #MAX_COMPARISONS} names. Safe
 * for concurrent lookups.
 */
final class PathSuggester {

    static final int MAX_COMPARISONS = 2048;

    /** Paths by the length of their file name, each list in string order. */
    private final TreeMap<Integer, List<String>> byLength = new TreeMap<>();
    private final Map<String, String> memo = new ConcurrentHashMap<>();
    private final LongAdder comparisons;

    PathSuggester(Collection<String> specs, Collection<String> files, LongAdder comparisons) {
        List<String> all = new ArrayList<>(specs);
        all.addAll(files);
        all.sort(null);
        for (String p : all) {
            byLength.computeIfAbsent(name(p).length(), k -> new ArrayList<>()).add(p);
        }
        this.comparisons = comparisons;
    }

    /** The hint for a link to {@code missing}. */
    String hint(String missing) {
        return memo.computeIfAbsent(name(missing), this::lookUp);
    }

    private String lookUp(String name) {
        int limit = Math.max(3, name.length() / 2);
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        int budget = MAX_COMPARISONS;
        for (int diff = 0; diff <= limit && diff <= bestScore && budget > 0; diff++) {
            for (int length : diff == 0 ? new int[] {name.length()} : new int[] {name.length() - diff, name.length() + diff}) {
                List<String> paths = byLength.get(length);
                if (paths == null) {
                    continue;
                }
                for (String candidate : paths) {
                    if (budget-- <= 0) {
                        break;
                    }
                    comparisons.increment();
                    int d = IdSuggester.distance(name, name(candidate));
                    if (d < bestScore || d == bestScore && candidate.compareTo(best) < 0) {
                        bestScore = d;
                        best = candidate;
                    }
                }
            }
        }
        if (best == null || bestScore > limit) {
            return "check the path; it is relative to the file the link is in";
        }
        return "did you mean " + best + "?";
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
