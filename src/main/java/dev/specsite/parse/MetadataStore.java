package dev.specsite.parse;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Node;

import dev.specsite.config.ConfigLoader;
import dev.specsite.diag.Diagnostic;
import dev.specsite.model.MetaEntry;

/**
 * The metadata entries of one document as its readers find them: all entries in the order read,
 * and the entries of each known field. Warns of a second value of a single-valued field.
 */
final class MetadataStore {
    /** Fields that hold one value: a second one is a duplicate. */
    static final Set<String> SINGLE_FIELDS = Set.of("title", "id", "status", "created", "updated");
    /** A value that is only a bracketed label: {@code [Ann Lee]}. */
    private static final Pattern REFERENCE_ONLY = Pattern.compile("^\\[([^\\]\\[]+)\\]$");

    private final ParseContext cx;
    final List<MetaEntry> entries = new ArrayList<>();
    final Map<String, List<MetaEntry>> byField = new LinkedHashMap<>();
    /** Entries read from a sidecar file, and that file (by identity: equal entries may come from both). */
    private final Map<MetaEntry, String> entryFiles = new IdentityHashMap<>();

    /** Makes the HTML of values with inline Markdown, or {@code null} (values kept as text only). */
    private final MetaValueHtml values;

    MetadataStore(ParseContext cx, MetaValueHtml values) {
        this.cx = cx;
        this.values = values;
    }

    /** The known field a key names ({@code specsite.fields}), or {@code null}. */
    String field(String key) {
        return cx.config.fields().get(ConfigLoader.normalizeKey(Values.plain(key)));
    }

    static boolean isRelation(String f) {
        return switch (f) {
            case "supersedes", "superseded-by", "replaces", "depends-on", "related", "see-also" -> true;
            default -> false;
        };
    }

    /** The first entry of a field. */
    Optional<MetaEntry> first(String field) {
        List<MetaEntry> l = byField.get(field);
        return l == null || l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** The file a metadata entry was read from: the document, or one of its sidecars. */
    String fileOf(MetaEntry e) {
        return entryFiles.getOrDefault(e, cx.path);
    }

    /** Adds an entry kept as extra metadata only, read from a sidecar file. */
    void addExtra(MetaEntry extra, String from) {
        entries.add(extra);
        entryFiles.put(extra, from);
    }

    void add(String key, String rawValue, int line, int column) {
        add(key, rawValue, line, column, cx.path);
    }

    /** Adds a metadata entry read from {@code from} (the document or a sidecar). */
    void add(String key, String rawValue, int line, int column, String from) {
        String written = rawValue;
        Matcher ref = REFERENCE_ONLY.matcher(rawValue.strip());
        if (ref.matches() && hasReference(ref.group(1))) {
            rawValue = ref.group(1); // "[Ann Lee]" with a "[Ann Lee]: …" definition is a link, not a placeholder
        }
        String k = Values.plain(key);
        String f = field(k);
        String v = Values.plain(rawValue);
        if (v.regionMatches(true, 0, k + ":", 0, k.length() + 1)) {
            v = v.substring(k.length() + 1).strip(); // "Status: **Status: Draft**"
        }
        // a value of the document (not of a sidecar) with links, code or emphasis: as HTML too
        MetaValueHtml.Made made = values == null || !from.equals(cx.path) ? null : values.html(k, written, line, column);
        MetaEntry entry = made == null ? new MetaEntry(k, f, v, line) : new MetaEntry(k, f, v, line, made.html(), made.links());
        if (!from.equals(cx.path)) {
            entryFiles.put(entry, from);
        }
        if (f == null) {
            entries.add(entry);
            return;
        }
        // keep the raw value for fields that may hold links (relations)
        MetaEntry kept = isRelation(f) ? new MetaEntry(k, f, rawValue.strip(), line) : entry;
        if (!from.equals(cx.path)) {
            entryFiles.put(kept, from);
        }
        entries.add(entry);
        byField.computeIfAbsent(f, x -> new ArrayList<>()).add(kept);
        if (SINGLE_FIELDS.contains(f)) {
            List<MetaEntry> same = byField.get(f);
            if (same.size() == 2) {
                cx.diags.add(Diagnostic.warning(from, line, column, "duplicate-metadata",
                        "'" + k + "' is given again; the first value (line " + same.get(0).line() + ") is used",
                        "remove one of the two"));
            }
        }
    }

    private boolean hasReference(String label) {
        for (Node n = cx.doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Reference r && Sequences.string(r.getReference()).strip().equalsIgnoreCase(label.strip())) {
                return true;
            }
        }
        return false;
    }
}
