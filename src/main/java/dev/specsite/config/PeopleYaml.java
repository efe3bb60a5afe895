package dev.specsite.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

import dev.specsite.diag.Diagnostic;

/**
 * The entries of a people file, from its YAML node tree: every scalar taken as text, nothing
 * constructed. Each problem is a diagnostic at its line and column, and the entry or value it is
 * in is left out: {@code people-syntax} (not YAML, or not a list), {@code people-invalid} (an entry
 * or value of the wrong shape), {@code people-unsafe-url} (a URL that is not http: or https:),
 * {@code people-conflict} (a spelling two entries claim: the first keeps it).
 */
final class PeopleYaml {

    private static final Set<String> KEYS = Set.of("handle", "name", "aliases", "url");

    private final String file;
    private final List<Diagnostic> diags;
    /** Key of each spelling claimed so far → the handle and line of the entry that claimed it. */
    private final Map<String, Person> claimed = new HashMap<>();

    private PeopleYaml(String file, List<Diagnostic> diags) {
        this.file = file;
        this.diags = diags;
    }

    /** The people of the text, in its order; problems are added to {@code diags}. */
    static List<Person> read(String file, String text, List<Diagnostic> diags) {
        Node root;
        try {
            root = yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            diags.add(Diagnostic.error(file, m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1,
                    "people-syntax", "the people file is not valid YAML: "
                            + firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage()),
                    "check indentation and quote values that contain ':' or '#'"));
            return List.of();
        } catch (YAMLException e) {
            diags.add(Diagnostic.error(file, 1, 1, "people-syntax",
                    "the people file is not valid YAML: " + firstLine(e.getMessage()), null));
            return List.of();
        }
        if (root == null) {
            return List.of();
        }
        if (!(root instanceof SequenceNode list)) {
            diags.add(at(root, file, true, "people-syntax", "the people file is not a list of people",
                    "write one '- handle: …' entry per person"));
            return List.of();
        }
        PeopleYaml r = new PeopleYaml(file, diags);
        List<Person> out = new ArrayList<>();
        for (Node item : list.getValue()) {
            Person p = r.entry(item);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** One entry as a person, or {@code null} when it is left out. */
    private Person entry(Node item) {
        if (!(item instanceof MappingNode map)) {
            invalid(item, "an entry of the people file is not a set of 'key: value' lines; it is left out");
            return null;
        }
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue().strip().toLowerCase(Locale.ROOT) : null;
            if (key == null || !KEYS.contains(key)) {
                diags.add(at(t.getKeyNode(), file, false, "people-invalid", "unknown key "
                        + (key == null ? "" : "'" + ConfigGuard.printable(key) + "' ") + "in a people entry; it is ignored",
                        "an entry has handle, name, aliases and url"));
            } else if (values.containsKey(key)) {
                invalid(t.getKeyNode(), "'" + key + "' is given twice in one entry; the first is used");
            } else {
                values.put(key, t.getValueNode());
            }
        }
        String handle = text(values.get("handle"), "handle");
        if (handle == null) {
            invalid(item, "a people entry has no handle; it is left out");
            return null;
        }
        String hk = People.key(handle);
        Person earlier = claimed.get(hk);
        if (earlier != null) {
            conflict(values.get("handle"), "handle '" + ConfigGuard.printable(handle) + "'", earlier, "this entry is left out");
            return null;
        }
        int line = item.getStartMark().getLine() + 1;
        Person self = new Person(handle, null, List.of(), null, line);
        claimed.put(hk, self);
        String name = text(values.get("name"), "name");
        if (name != null) {
            claim(values.get("name"), "name", name, self);
        }
        List<String> aliases = new ArrayList<>();
        Node a = values.get("aliases");
        List<Node> aliasNodes = a instanceof SequenceNode s ? s.getValue() : a == null ? List.of() : List.of(a);
        for (Node n : aliasNodes) {
            String alias = text(n, "aliases");
            if (alias != null && claim(n, "alias", alias, self)) {
                aliases.add(alias);
            }
        }
        String url = text(values.get("url"), "url");
        if (url != null && !ConfigGuard.isWebUrl(url)) {
            diags.add(at(values.get("url"), file, false, "people-unsafe-url", "the url of '" + ConfigGuard.printable(handle)
                    + "' is not an http: or https: URL ('" + ConfigGuard.printable(url) + "'); it is ignored",
                    "write an absolute URL such as https://example.org/people/" + People.slug(hk)));
            url = null;
        }
        return new Person(handle, name, aliases, url, line);
    }

    /** Claims a spelling for the entry {@code self}; {@code false} when an earlier entry has it. */
    private boolean claim(Node node, String what, String spelling, Person self) {
        String k = People.key(spelling);
        Person earlier = claimed.putIfAbsent(k, self);
        if (earlier == null || earlier == self) {
            return true;
        }
        conflict(node, what + " '" + ConfigGuard.printable(spelling) + "'", earlier, "it does not join this entry");
        return false;
    }

    private void conflict(Node node, String what, Person earlier, String outcome) {
        diags.add(at(node, file, false, "people-conflict", what + " already means '" + ConfigGuard.printable(earlier.handle())
                + "' (line " + earlier.line() + "); " + outcome, "give each person one entry, and each spelling to one person"));
    }

    /** A scalar's text, stripped; {@code null} (with a diagnostic when it is not a scalar) when absent or empty. */
    private String text(Node n, String key) {
        if (n == null) {
            return null;
        }
        if (!(n instanceof ScalarNode s)) {
            invalid(n, "'" + key + "' is not a single value; it is ignored");
            return null;
        }
        String v = s.getValue().strip();
        return v.isEmpty() ? null : v;
    }

    private void invalid(Node n, String message) {
        diags.add(at(n, file, false, "people-invalid", message, "an entry is '- handle: …' with optional name, aliases"
                + " (a list) and url lines"));
    }

    private static Diagnostic at(Node n, String file, boolean error, String code, String message, String hint) {
        Mark m = n.getStartMark();
        int line = m == null ? 1 : m.getLine() + 1;
        int col = m == null ? 1 : m.getColumn() + 1;
        return error ? Diagnostic.error(file, line, col, code, message, hint)
                : Diagnostic.warning(file, line, col, code, message, hint);
    }

    /** A loader that refuses what could be large or deep; {@link Yaml#compose} builds nodes, never objects. */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(10);
        options.setCodePointLimit((int) PeopleFile.MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int i = s.indexOf('\n');
        return (i < 0 ? s : s.substring(0, i)).strip();
    }

}
