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

    /** The hash of values: strings, numbers, booleans, enums, lists and records of these (by their components). */
    public static long ofValues(Object... values) {
        Hasher h = new Hasher();
        for (Object v : values) {
            h.add(v);
        }
        return mix(h.h);
    }

    /**
     * Feeds values into one hash without making strings of them: a record by its components in
     * declaration order, a list by its size and elements. What two values hash alike when their
     * {@code toString()} is alike, at a fraction of the cost.
     */
    private static final class Hasher {
        private static final ClassValue<java.lang.reflect.Method[]> COMPONENTS = new ClassValue<>() {
            @Override
            protected java.lang.reflect.Method[] computeValue(Class<?> type) {
                java.lang.reflect.RecordComponent[] rc = type.getRecordComponents();
                java.lang.reflect.Method[] out = new java.lang.reflect.Method[rc.length];
                for (int i = 0; i < rc.length; i++) {
                    out[i] = rc[i].getAccessor();
                    out[i].setAccessible(true);
                }
                return out;
            }
        };
        long h = OFFSET;

        void add(Object v) {
            if (v instanceof String s) {
                for (int i = 0; i < s.length(); i++) {
                    h = (h + s.charAt(i)) * PRIME;
                }
                h = (h ^ 0x1f) * PRIME;
            } else if (v == null) {
                h = (h ^ 0x2f) * PRIME;
            } else if (v instanceof Integer || v instanceof Long || v instanceof Boolean || v instanceof Enum<?>) {
                add(v.toString());
            } else if (v instanceof java.util.List<?> list) {
                h = (h ^ 0x3f ^ list.size()) * PRIME;
                for (Object o : list) {
                    add(o);
                }
            } else if (v instanceof Record r) {
                h = (h ^ 0x4f) * PRIME;
                try {
                    for (java.lang.reflect.Method m : COMPONENTS.get(r.getClass())) {
                        add(m.invoke(r));
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            } else {
                add(v.toString());
            }
        }
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
