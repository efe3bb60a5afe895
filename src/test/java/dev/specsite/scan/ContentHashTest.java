package dev.specsite.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ContentHashTest {

    /** Reference values of MurmurHash3 x64 128 (seed 0), as Guava's murmur3_128 prints them. */
    @Test
    void matchesTheReferenceImplementation() {
        assertEquals("00000000000000000000000000000000", hash(""));
        assertEquals("897859f6655555855a890e51483ab5e6", hash("a"));
        assertEquals("029bbd41b3a7d8cb191dae486a901e5b", hash("hello"));
        assertEquals("6c1b07bc7bbc4be347939ac4a93c437a", hash("The quick brown fox jumps over the lazy dog"));
        assertEquals("a7d14acf946de04bda08a7635c5bc387", hash("0123456789abcdef")); // one whole block
        assertEquals("f7d670b5acd2ebcd274b10829711728f", hash("0123456789abcdefX")); // a block and one byte
        assertEquals("e83338ba90e0a1f36807f4a6cf892399", hash("sixteen bytes!!!"));
        assertEquals("2eecf8f7364505ee16dbf497a9ff5c2e", hash("é—✓ unicode"));
    }

    @Test
    void oneChangedBitChangesTheHash() {
        Random r = new Random(7);
        Set<String> seen = new HashSet<>();
        for (int len = 0; len < 70; len++) {
            byte[] b = new byte[len];
            r.nextBytes(b);
            String h = ContentHash.of(b);
            seen.add(h);
            for (int bit = 0; bit < len * 8; bit += 5) {
                byte[] c = b.clone();
                c[bit / 8] ^= (byte) (1 << bit % 8);
                assertNotEquals(h, ContentHash.of(c));
            }
        }
        assertEquals(70, seen.size());
    }

    private static String hash(String s) {
        return ContentHash.of(s.getBytes(StandardCharsets.UTF_8));
    }
}
