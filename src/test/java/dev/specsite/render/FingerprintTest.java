package dev.specsite.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.specsite.diag.Diagnostic;
import dev.specsite.link.Backlink;

/** Digests of values: equal values hash alike, values that differ in any component do not. */
class FingerprintTest {

    @Test
    void partsAreSeparated() {
        assertNotEquals(Fingerprint.ofValues("ab", "c"), Fingerprint.ofValues("a", "bc"));
        assertNotEquals(Fingerprint.ofValues(List.of("ab"), "c"), Fingerprint.ofValues(List.of("a", "b"), "c"));
        assertNotEquals(Fingerprint.ofValues((Object) null), Fingerprint.ofValues("null"));
        assertNotEquals(Fingerprint.ofValues(List.of()), Fingerprint.ofValues(""));
    }

    /** Random backlinks and diagnostics: the digests agree exactly when the records are equal. */
    @Test
    void recordsHashByTheirComponents() {
        Random random = new Random(7);
        String[] words = {"", "a", "SPEC-1", "SPEC-12", "x y", "é"};
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            values.add(new Backlink(words[random.nextInt(words.length)], words[random.nextInt(words.length)],
                    random.nextBoolean() ? null : words[random.nextInt(words.length)], random.nextInt(3)));
            values.add(random.nextBoolean()
                    ? Diagnostic.warning(words[random.nextInt(words.length)], random.nextInt(3), 1, "code", "message", "hint")
                    : Diagnostic.error(words[random.nextInt(words.length)], random.nextInt(3), 1, "code", "message", "hint"));
        }
        for (Object a : values) {
            for (Object b : values) {
                assertEquals(a.equals(b), Fingerprint.ofValues(a) == Fingerprint.ofValues(b), a + " / " + b);
                assertEquals(a.equals(b), Fingerprint.ofValues(List.of(a, b)) == Fingerprint.ofValues(List.of(b, a)));
            }
        }
    }
}
