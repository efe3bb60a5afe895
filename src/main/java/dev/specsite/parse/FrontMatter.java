package dev.specsite.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import dev.specsite.diag.Diagnostic;

/**
 * YAML front matter, split from the Markdown body first and decoded separately. Every scalar is
 * read as a string (dates included), so that an invalid date is a diagnostic and never a crash.
 *
 * @param values   top-level keys and values (strings, lists of strings, nested maps), in source order
 * @param keyLines the 1-based line of each top-level key
 * @param body     the document with the front matter replaced by as many empty lines, so that
 *                 line numbers of the body are those of the file
 * @param diagnostics problems found
 */
public record FrontMatter(Map<String, Object> values, Map<String, Integer> keyLines, String body,
                          List<Diagnostic> diagnostics) {

    private static final Pattern KEY_LINE = Pattern.compile("^([A-Za-z_][\\w .()-]*?)\\s*:(\\s|$)");

    /** A resolver that recognises nothing but null: every other scalar stays a string. */
    private static final class StringsOnly extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL| )$"), "~nN\0");
            addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
        }
    }

    /** Splits and decodes the front matter of a document; a document without one gives empty values. */
    public static FrontMatter parse(String path, String text) {
        if (!text.startsWith("---")) {
            return new FrontMatter(Map.of(), Map.of(), text, List.of());
        }
        int firstEol = text.indexOf('\n');
        if (firstEol < 0 || !text.substring(0, firstEol).strip().equals("---")) {
            return new FrontMatter(Map.of(), Map.of(), text, List.of());
        }
        // find the closing line: --- or ...
        int pos = firstEol + 1;
        int line = 2;
        int end = -1;
        int endLineEnd = -1;
        while (pos <= text.length()) {
            int eol = text.indexOf('\n', pos);
            int lineEnd = eol < 0 ? text.length() : eol;
            String l = text.substring(pos, lineEnd).strip();
            if (l.equals("---") || l.equals("...")) {
                end = pos;
                endLineEnd = eol < 0 ? text.length() : eol + 1;
                break;
            }
            if (eol < 0) {
                break;
            }
            pos = eol + 1;
            line++;
        }
        List<Diagnostic> diags = new ArrayList<>();
        if (end < 0) {
            diags.add(Diagnostic.error(path, 1, 1, "front-matter-unclosed",
                    "front matter opened with '---' is never closed", "add a line '---' after the last metadata key"));
            return new FrontMatter(Map.of(), Map.of(), text, diags);
        }
        String yaml = text.substring(firstEol + 1, end);
        int yamlLines = line;
        StringBuilder blank = new StringBuilder(text.length());
        for (int i = 0; i < yamlLines; i++) {
            blank.append('\n');
        }
        String body = blank + text.substring(endLineEnd);

        FrontMatter decoded = decode(path, yaml, 2, "front matter");
        diags.addAll(decoded.diagnostics());
        return new FrontMatter(decoded.values(), decoded.keyLines(), body, diags);
    }

    /**
     * Decodes a metadata sidecar file ({@code kep.yaml}, {@code metadata.yaml}): the same rules as
     * front matter, line numbers of the sidecar itself, and an empty body.
     */
    public static FrontMatter sidecar(String path, String yaml) {
        return decode(path, yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml, 1, "metadata file");
    }

    private static FrontMatter decode(String path, String yaml, int firstLine, String what) {
        List<Diagnostic> diags = new ArrayList<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = KEY_LINE.matcher(lines[i]);
            if (m.find()) {
                keyLines.putIfAbsent(m.group(1), i + firstLine);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            Object loaded = yaml().load(yaml);
            if (loaded instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    values.put(String.valueOf(e.getKey()), e.getValue());
                }
            } else if (loaded != null) {
                diags.add(Diagnostic.error(path, firstLine, 1, "front-matter-not-a-map",
                        what + " is not a set of 'key: value' lines", null));
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int l = mark == null ? firstLine : mark.getLine() + firstLine;
            int c = mark == null ? 1 : mark.getColumn() + 1;
            diags.add(Diagnostic.error(path, l, c, "front-matter-syntax",
                    what + " is not valid YAML: " + firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage()),
                    "check indentation and quote values that contain ':' or '#'"));
        } catch (YAMLException e) {
            diags.add(Diagnostic.error(path, firstLine, 1, "front-matter-syntax",
                    what + " is not valid YAML: " + firstLine(e.getMessage()), null));
        }
        return new FrontMatter(values, keyLines, "", diags);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowDuplicateKeys(true);
        options.setCodePointLimit(1_000_000);
        options.setNestingDepthLimit(20);
        org.yaml.snakeyaml.DumperOptions dumper = new org.yaml.snakeyaml.DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new StringsOnly());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
