package dev.specsite.scan;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * The content hash of a file, which keys the build cache: MurmurHash3 (x64, 128 bits, seed 0), as
 * 32 hex digits in the byte order of its reference implementation. Not a cryptographic hash, and it
 * need not be one: it tells a changed file from an unchanged one, and whoever could make two files
 * collide could edit the cache in the output folder as well. SHA-256 would do the same job at many times
 * the cost under the JIT compiler the launcher uses (see docs/performance.md).
 */
public final class ContentHash {
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private ContentHash() {
    }

    /** The hash of the bytes. */
    public static String of(byte[] b) {
        long h1 = 0;
        long h2 = 0;
        int n = b.length;
        int i = 0;
        for (; i + 16 <= n; i += 16) {
            h1 ^= mixK1((long) LONG_LE.get(b, i));
            h1 = Long.rotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2((long) LONG_LE.get(b, i + 8));
            h2 = Long.rotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int rest = n - i;
        long k1 = 0;
        long k2 = 0;
        for (int j = rest - 1; j >= 8; j--) {
            k2 = k2 << 8 | (b[i + j] & 0xff);
        }
        for (int j = Math.min(rest, 8) - 1; j >= 0; j--) {
            k1 = k1 << 8 | (b[i + j] & 0xff);
        }
        if (rest > 8) {
            h2 ^= mixK2(k2);
        }
        if (rest > 0) {
            h1 ^= mixK1(k1);
        }
        h1 ^= n;
        h2 ^= n;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        byte[] out = new byte[16];
        LONG_LE.set(out, 0, h1);
        LONG_LE.set(out, 8, h2);
        return HexFormat.of().formatHex(out);
    }

    private static long mixK1(long k) {
        return Long.rotateLeft(k * C1, 31) * C2;
    }

    private static long mixK2(long k) {
        return Long.rotateLeft(k * C2, 33) * C1;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        return k ^ k >>> 33;
    }
}
