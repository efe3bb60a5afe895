package dev.specsite.link;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * "Did you mean" for a mention of an id no spec has: the id within two edits (Levenshtein, case
 * ignored) that is nearest, ties to the first in string order — what comparing the mention with
 * every id of the site gives, without doing so.
 *
 * <p>Ids are indexed once, by length, with the symmetric-deletion method: two strings within
 * {@code k} edits share a string made by deleting at most {@code k} characters from each. Each id
 * is entered under the hashes of itself and of the strings one deletion makes (and, built only when
 * a lookup needs it, of those two deletions make). A lookup first tries the candidates within one
 * edit, then those within two; within a level the candidates are tried in id order, so the first
 * that is near enough is the answer and no more are compared. Each distinct mention is looked up
 * once per build; a lookup compares at most {@link #MAX_COMPARISONS} candidates (dense numeric ids
 * can share deletions with thousands of others); an id of more than {@link #MAX_LENGTH} characters
 * gets no suggestion. Safe for concurrent lookups.
 */
final class IdSuggester {

    static final int MAX_LENGTH = 40;
    static final int MAX_COMPARISONS = 512;
    private static final int INDEX_BITS = 24;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    /** The ids in string order, and lower-cased. */
    private final String[] ids;
    private final String[] lower;
    private final Map<Integer, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, String> memo = new ConcurrentHashMap<>();
    private final LongAdder comparisons;

    /** Indexes the ids (nothing is built before the first lookup); counts distance computations in {@code comparisons}. */
    IdSuggester(Collection<String> ids, LongAdder comparisons) {
        this.ids = ids.stream().sorted().toArray(String[]::new);
        this.lower = new String[this.ids.length];
        for (int i = 0; i < this.ids.length; i++) {
            lower[i] = this.ids[i].toLowerCase(Locale.ROOT);
        }
        this.comparisons = comparisons;
    }

    /** The nearest id to {@code missing} within two edits, or {@code null}. */
    String nearest(String missing) {
        String key = missing.toLowerCase(Locale.ROOT);
        String found = memo.computeIfAbsent(key, this::lookUp);
        return found.isEmpty() ? null : found;
    }

    private String lookUp(String q) {
        if (q.length() > MAX_LENGTH || ids.length >= (1 << INDEX_BITS)) {
            return "";
        }
        int[] budget = {MAX_COMPARISONS};
        for (int edits = 1; edits <= 2; edits++) {
            int[] candidates = candidates(q, edits);
            for (int c : candidates) {
                if (budget[0]-- <= 0) {
                    return "";
                }
                comparisons.increment();
                if (distance(q, lower[c]) <= edits) {
                    return ids[c];
                }
            }
        }
        return "";
    }

    /**
     * The ids that may be within {@code edits} of {@code q}, by index (id order), each once. Within
     * one edit they are exactly those (but for hash collisions): an id one longer or shorter shares
     * a string with one deletion from the longer, an id of the same length one deletion at the
     * same place.
     */
    private int[] candidates(String q, int edits) {
        long[] variants = variants(q, edits);
        long[] substituted = edits == 1 ? substitutions(q) : null;
        int[] out = new int[16];
        int n = 0;
        for (int length = q.length() - edits; length <= q.length() + edits; length++) {
            Bucket b = bucket(length);
            if (b == null) {
                continue;
            }
            long[][] tables = edits == 2 ? new long[][] {b.near, b.far()}
                    : length == q.length() ? new long[][] {b.substituted} : new long[][] {b.near};
            for (long[] table : tables) {
                for (long h : table == b.substituted ? substituted : variants) {
                    int at = lowerBound(table, h << INDEX_BITS);
                    while (at < table.length && table[at] >>> INDEX_BITS == h) {
                        if (n == out.length) {
                            out = Arrays.copyOf(out, n * 2);
                        }
                        out[n++] = (int) (table[at++] & INDEX_MASK);
                    }
                }
            }
        }
        int[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        int unique = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[unique++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, unique);
    }

    private Bucket bucket(int length) {
        if (length < 1 || length > MAX_LENGTH + 2) {
            return null;
        }
        Bucket b = buckets.computeIfAbsent(length, this::newBucket);
        return b.members.length == 0 ? null : b;
    }

    private Bucket newBucket(int length) {
        int[] members = new int[ids.length];
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            if (lower[i].length() == length) {
                members[n++] = i;
            }
        }
        return new Bucket(Arrays.copyOf(members, n));
    }

    /** The ids of one length and their deletion hashes, packed with the id's index and sorted. */
    private final class Bucket {
        final int[] members;
        /** Hashes of each member and of its one-deletion strings. */
        final long[] near;
        /** Hashes of its one-deletion strings with the place of the deletion. */
        final long[] substituted;
        /** Hashes of its two-deletion strings, made on first use. */
        private volatile long[] far;

        Bucket(int[] members) {
            this.members = members;
            this.near = table(members, 1);
            this.substituted = table(members, 0);
        }

        long[] far() {
            long[] f = far;
            if (f == null) {
                synchronized (this) {
                    f = far;
                    if (f == null) {
                        f = table(members, 2);
                        far = f;
                    }
                }
            }
            return f;
        }

        /** The table of {@code deletions} 1 ({@link #near}), 2 ({@link #far}) or 0 ({@link #substituted}). */
        private long[] table(int[] ids, int deletions) {
            long[] t = new long[0];
            int n = 0;
            for (int i : ids) {
                long[] v = deletions == 0 ? substitutions(lower[i]) : deletions == 1 ? variants(lower[i], 1) : exactlyTwo(lower[i]);
                if (n + v.length > t.length) {
                    t = Arrays.copyOf(t, Math.max(n + v.length, t.length * 2));
                }
                for (long h : v) {
                    t[n++] = h << INDEX_BITS | i;
                }
            }
            t = Arrays.copyOf(t, n);
            Arrays.sort(t);
            return t;
        }
    }

    /** Hashes of {@code s} and of every string made by deleting up to {@code max} (1 or 2) of its characters. */
    static long[] variants(String s, int max) {
        int n = s.length();
        long[] two = max == 2 ? exactlyTwo(s) : new long[0];
        long[] out = Arrays.copyOf(two, two.length + 1 + n);
        out[two.length] = hash(s, -1, -1);
        for (int i = 0; i < n; i++) {
            out[two.length + 1 + i] = hash(s, i, -1);
        }
        return out;
    }

    /** Hashes of the strings one deletion makes of {@code s}, each with the place of its deletion. */
    private static long[] substitutions(String s) {
        long[] out = new long[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = hash(s, i, -1, i + 1);
        }
        return out;
    }

    /** Hashes of the strings two deletions make of {@code s}. */
    private static long[] exactlyTwo(String s) {
        int n = s.length();
        long[] out = new long[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                out[k++] = hash(s, i, j);
            }
        }
        return out;
    }

    /** A 40-bit hash of {@code s} without the characters at {@code skipA} and {@code skipB}. */
    private static long hash(String s, int skipA, int skipB) {
        return hash(s, skipA, skipB, 0);
    }

    /** The same, and of {@code tag}. */
    private static long hash(String s, int skipA, int skipB, int tag) {
        long h = 0xcbf29ce484222325L ^ (tag * 0x9e3779b97f4a7c15L);
        for (int i = 0, n = s.length(); i < n; i++) {
            if (i != skipA && i != skipB) {
                h = (h ^ s.charAt(i)) * 0x100000001b3L;
            }
        }
        h ^= h >>> 29;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 32;
        return h >>> INDEX_BITS; // the top 40 bits: room for the index below them
    }

    private static int lowerBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Levenshtein distance, bounded to short strings. */
    static int distance(String a, String b) {
        if (a.length() > 200 || b.length() > 200) {
            return Integer.MAX_VALUE / 2;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
