package dev.specsite.render;

/** A fast 64-bit hash of strings, for deciding whether a page must be rendered again. */
public final class Fingerprint {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fingerprint() {
    }

    /**
     * The hash of the strings, separated so that ("ab","c") and ("a","bc") differ: a polynomial over
     * the UTF-16 units modulo 2^64 with an odd multiplier (one multiplication per character), then mixed.
     */
    public static long of(String... parts) {
        long h = OFFSET;
        for (String p : parts) {
            for (int i = 0; i < p.length(); i++) {
                h = (h + p.charAt(i)) * PRIME;
            }
            h = (h ^ 0x1f) * PRIME;
        }
        return mix(h);
    }

    /** A finaliser (from MurmurHash3) spreading every input bit over the result. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
