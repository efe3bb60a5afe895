package dev.specsite.incremental;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.specsite.incremental.CacheCodec.Malformed;

/**
 * The byte layer of the cache files: variable-length numbers, strings written once per file and then
 * referred to by number (Latin-1 kept as its bytes), lists and maps, and the checksum at the end
 * ({@link CacheSeal}). {@link CacheCodec} writes the records through it.
 */
final class CacheBytes {

    /*
     * A string is written as a tag, then (but for null and strings written before) its length and bytes:
     * 0 null; UTF8 its UTF-8 bytes; LATIN1 its Latin-1 bytes; LATIN1_CUT the Latin-1 bytes of all but its
     * last character, which is "…"; SEEN + k the k-th string this file wrote before.
     */
    private static final int UTF8 = 1;
    private static final int LATIN1 = 2;
    private static final int LATIN1_CUT = 3;
    private static final int SEEN = 4;
    private static final char ELLIPSIS = '\u2026';
    private static final String ELLIPSIS_TEXT = String.valueOf(ELLIPSIS);

    private CacheBytes() {
    }

    /** Writes into a growing array. */
    static final class Out {
        private byte[] buf = new byte[1 << 16];
        private int pos;
        private final Map<String, Integer> seen = new HashMap<>();

        private void room(int n) {
            if (pos + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        void fixed(int v) {
            room(4);
            buf[pos++] = (byte) (v >>> 24);
            buf[pos++] = (byte) (v >>> 16);
            buf[pos++] = (byte) (v >>> 8);
            buf[pos++] = (byte) v;
        }

        /** A number, seven bits a byte (zig-zag, so that small negative ones are short too). */
        void num(long v) {
            long z = (v << 1) ^ (v >> 63);
            room(10);
            while ((z & ~0x7FL) != 0) {
                buf[pos++] = (byte) (z & 0x7F | 0x80);
                z >>>= 7;
            }
            buf[pos++] = (byte) z;
        }

        void bool(boolean b) {
            room(1);
            buf[pos++] = (byte) (b ? 1 : 0);
        }

        /**
         * {@code 0}: null; {@code 1}: a new string, its UTF-8 length and bytes; {@code 2}: a new string of
         * characters up to U+00FF, its length and one byte each (read back by a plain copy of the bytes,
         * where UTF-8 is first scanned for non-ASCII bytes, then decoded); {@code k + 3}: the k-th
         * string written.
         */
        void str(String s) {
            if (s == null) {
                num(0);
                return;
            }
            Integer k = seen.get(s);
            if (k != null) {
                num(k + (long) SEEN);
                return;
            }
            seen.put(s, seen.size());
            int n = s.length();
            int wide = 0; // the first character outside Latin-1
            while (wide < n && s.charAt(wide) <= 0xFF) {
                wide++;
            }
            // a shortened text (a link's context) ends in "…" and is Latin-1 before it: kept apart, it is
            // read back without decoding UTF-8 (half of a 10,000-spec cache's text was such contexts)
            boolean cut = wide == n - 1 && s.charAt(wide) == ELLIPSIS;
            int tag = wide == n ? LATIN1 : cut ? LATIN1_CUT : UTF8;
            byte[] b = tag == UTF8 ? s.getBytes(StandardCharsets.UTF_8)
                    : (cut ? s.substring(0, n - 1) : s).getBytes(StandardCharsets.ISO_8859_1);
            num(tag);
            num(b.length);
            room(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }

        <T> void list(List<T> list, java.util.function.BiConsumer<Out, T> each) {
            num(list.size());
            for (T t : list) {
                each.accept(this, t);
            }
        }

        /** A map of strings, in key order (so that equal maps are equal bytes). */
        void strMap(Map<String, String> map) {
            list(new ArrayList<>(new TreeMap<>(map).entrySet()), (x, e) -> {
                x.str(e.getKey());
                x.str(e.getValue());
            });
        }

        /** The bytes written, and room for their checksum, sealed. */
        byte[] bytes() {
            return CacheSeal.seal(Arrays.copyOf(buf, pos + CacheSeal.SIZE));
        }
    }

    /** Reads an array written by {@link Out}, up to its checksum. */
    static final class In {
        private final byte[] buf;
        private final int end;
        int pos;
        private final List<String> seen = new ArrayList<>();

        In(byte[] buf, int end) {
            this.buf = buf;
            this.end = end;
        }

        int fixed() {
            int v = (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8 | buf[pos + 3] & 0xFF;
            pos += 4;
            return v;
        }

        long num() {
            long z = 0;
            for (int shift = 0; ; shift += 7) {
                if (shift > 63) {
                    throw new Malformed("number too long");
                }
                byte b = buf[pos++];
                z |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    break;
                }
            }
            return (z >>> 1) ^ -(z & 1);
        }

        int int32() {
            long v = num();
            if (v != (int) v) {
                throw new Malformed("number out of range");
            }
            return (int) v;
        }

        /** A count of elements that follow, each taking at least one byte. */
        int count() {
            int n = int32();
            if (n < 0 || n > end - pos) {
                throw new Malformed("count out of range");
            }
            return n;
        }

        boolean bool() {
            return buf[pos++] != 0;
        }

        String str() {
            int tag = int32();
            if (tag == 0) {
                return null;
            }
            if (tag < 0) {
                throw new Malformed("negative string tag");
            }
            if (tag < SEEN) {
                int n = count();
                String s = new String(buf, pos, n, tag == UTF8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
                if (tag == LATIN1_CUT) {
                    s = s.concat(ELLIPSIS_TEXT);
                }
                pos += n;
                seen.add(s);
                return s;
            }
            if (tag - SEEN >= seen.size()) {
                throw new Malformed("string reference out of range");
            }
            return seen.get(tag - SEEN);
        }

        void end() {
            if (pos != end) {
                throw new Malformed("bytes after the end");
            }
        }

        Map<String, String> strMap() {
            return map(In::str, In::str);
        }

        <K, V> Map<K, V> map(Function<In, K> key, Function<In, V> value) {
            int n = count();
            Map<K, V> out = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                out.put(key.apply(this), value.apply(this));
            }
            return out;
        }

        /** A list, read-only. */
        <T> List<T> list(Function<In, T> each) {
            int n = count();
            if (n == 0) {
                return List.of();
            }
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(each.apply(this));
            }
            return java.util.Collections.unmodifiableList(out);
        }
    }
}
