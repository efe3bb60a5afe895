package dev.specsite.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line each key of a properties file is first defined on (the definition a repeated key's
 * value comes from), for diagnostics that point at a key. Reads the file's logical lines as
 * {@code java.util.Properties} does: comments ({@code #}, {@code !}), continuation lines ending in
 * an odd number of backslashes, keys ending at an unescaped {@code =}, {@code :} or blank.
 */
final class PropertyLines {

    private final Map<String, Integer> lines;

    private PropertyLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Reads the file; a file that cannot be read has no known lines. */
    static PropertyLines of(Path file) {
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return new PropertyLines(Map.of());
        }
        Map<String, Integer> lines = new HashMap<>();
        boolean continued = false;
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i);
            String s = line.stripLeading();
            boolean starts = !continued;
            continued = !s.isEmpty() && endsInOddBackslashes(line) && (continued || !isComment(s));
            if (starts && !s.isEmpty() && !isComment(s)) {
                lines.putIfAbsent(key(s), i + 1);
            }
        }
        return new PropertyLines(lines);
    }

    /** The 1-based line of the key's first definition, or 0 when the file does not define it. */
    int line(String key) {
        return lines.getOrDefault(key, 0);
    }

    private static boolean isComment(String s) {
        return s.charAt(0) == '#' || s.charAt(0) == '!';
    }

    private static boolean endsInOddBackslashes(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** The key of a definition, its escapes undone ({@code a\=b} is the key "a=b"). */
    private static String key(String s) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                key.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 'f' -> '\f';
                    default -> n;
                });
            } else if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') {
                break;
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }
}
