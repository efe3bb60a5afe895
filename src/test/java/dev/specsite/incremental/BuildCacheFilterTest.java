package dev.specsite.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.specsite.model.Status;

/** A cache file is read as data: the JDK's base classes and specsite's own, nothing else, not too deep. */
class BuildCacheFilterTest {

    private static byte[] write(Object o) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        }
        return b.toByteArray();
    }

    private static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(BuildCache.FILTER);
            return in.readObject();
        }
    }

    @Test
    void readsBaseAndSpecsiteClasses() throws Exception {
        Object o = new ArrayList<>(List.of("a", 1L, new Status("draft", "Draft")));
        assertEquals(o, read(write(o)));
        assertEquals(2, ((int[]) read(write(new int[] {1, 2}))).length);
    }

    @Test
    void refusesClassesOfOtherModulesAndLibraries() throws Exception {
        byte[] logging = write(new ArrayList<>(List.of(java.util.logging.Level.INFO))); // java.logging
        assertThrows(InvalidClassException.class, () -> read(logging));
        byte[] library = write(new ArrayList<>(List.of(org.apache.commons.lang3.tuple.Pair.of("a", "b"))));
        assertThrows(InvalidClassException.class, () -> read(library));
    }

    @Test
    void refusesDeepNesting() throws Exception {
        List<Object> deep = new ArrayList<>();
        List<Object> at = deep;
        for (int i = 0; i < 30; i++) {
            List<Object> next = new ArrayList<>();
            at.add(next);
            at = next;
        }
        byte[] bytes = write(deep);
        assertThrows(InvalidClassException.class, () -> read(bytes));
    }
}
