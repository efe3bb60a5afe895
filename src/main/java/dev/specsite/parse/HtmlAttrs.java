package dev.specsite.parse;

import java.util.LinkedHashSet;

/** The attributes of one tag, in order: flexmark's {@code MutableAttributes} rules. */
final class HtmlAttrs {
    String[] names = new String[4];
    String[] values = new String[4];
    int size;

    private int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void put(String name, String value) {
        if (size == names.length) {
            names = java.util.Arrays.copyOf(names, size * 2);
            values = java.util.Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
    }

    /** {@code addValue}: a class joins the classes there (each once); other values replace. */
    HtmlAttrs add(String name, String value) {
        int i = indexOf(name);
        if (i < 0) {
            put(name, value);
        } else if (name.equals("class")) {
            values[i] = mergeClasses(values[i], value);
        } else {
            values[i] = value;
        }
        return this;
    }

    /** {@code replaceValue}: the value replaces, in place. */
    HtmlAttrs replace(String name, String value) {
        int i = indexOf(name);
        if (i < 0) {
            put(name, value);
        } else {
            values[i] = value;
        }
        return this;
    }

    static String mergeClasses(String have, String more) {
        if (more.isEmpty()) {
            return have;
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String s : have.split(" ")) {
            if (!s.isEmpty()) {
                names.add(s);
            }
        }
        for (String s : more.split(" ")) {
            s = s.trim();
            if (!s.isEmpty()) {
                names.add(s);
            }
        }
        return String.join(" ", names);
    }
}
