package dev.specsite.render;

/** A fast 64-bit FNV-1a hash of strings, for deciding whether a page must be rendered again. */
public final class Fingerprint {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fingerprint() {
    }

    /** The hash of the strings, separated so that ("ab","c") and ("a","bc") differ. */
    public static long of(String... parts) {
        long h = OFFSET;
        for (String p : parts) {
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                h = (h ^ (c & 0xff)) * PRIME;
                h = (h ^ (c >>> 8)) * PRIME;
            }
            h = (h ^ 0x1f) * PRIME;
        }
        return h;
    }
}
