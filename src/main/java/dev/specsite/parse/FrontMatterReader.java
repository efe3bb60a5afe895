package dev.specsite.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.specsite.diag.Diagnostic;
import dev.specsite.model.MetaEntry;
import dev.specsite.model.Sidecar;

/** Reads the YAML metadata of a document: its front matter, and the sidecar files of its folder. */
final class FrontMatterReader {
    private final ParseContext cx;
    private final MetadataStore meta;

    FrontMatterReader(ParseContext cx, MetadataStore meta) {
        this.cx = cx;
        this.meta = meta;
    }

    /** The front matter's entries, each at the line of its key. */
    void read(FrontMatter fm) {
        for (Map.Entry<String, Object> e : fm.values().entrySet()) {
            int line = fm.keyLines().getOrDefault(e.getKey(), 1);
            if (e.getValue() != null) {
                meta.add(e.getKey(), yamlText(e.getValue()), line, 1);
            }
        }
    }

    /**
     * Merges the sidecar files of the document's folder ({@code specsite.metadata.sidecar}).
     * Per field, the document wins: a sidecar only fills fields the document leaves out, and a
     * different value for a field the document gives is a {@code sidecar-conflict} warning.
     * Between sidecars of one folder, the first file in the configured order wins per field
     * (again with a warning when another disagrees). Within one file, later synonyms of a
     * single-valued field ({@code stage} after {@code status}) are kept as extra metadata, as
     * are unknown keys.
     */
    void readSidecars() {
        if (cx.file.sidecars().isEmpty()) {
            return;
        }
        Set<String> fromDocument = new HashSet<>(meta.byField.keySet());
        Map<String, String> fromSidecar = new HashMap<>();
        for (Sidecar sc : cx.file.sidecars()) {
            FrontMatter fm = FrontMatter.sidecar(sc.path(), sc.text());
            cx.diags.addAll(fm.diagnostics());
            for (Map.Entry<String, Object> e : fm.values().entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                int line = fm.keyLines().getOrDefault(e.getKey(), 1);
                String value = yamlText(e.getValue());
                String f = meta.field(e.getKey());
                boolean earlierFile = f != null && fromSidecar.containsKey(f) && !fromSidecar.get(f).equals(sc.path());
                if (f != null && (fromDocument.contains(f) || earlierFile)) {
                    MetaEntry mine = meta.byField.get(f).get(0);
                    String where = earlierFile ? fromSidecar.get(f) : cx.path;
                    if (!Values.plain(value).equalsIgnoreCase(mine.value())) {
                        cx.diags.add(Diagnostic.warning(sc.path(), line, 1, "sidecar-conflict",
                                "'" + e.getKey() + "' is '" + Values.shorten(Values.plain(value), 80) + "' here but '"
                                        + Values.shorten(mine.value(), 80) + "' in " + where + " (line " + mine.line()
                                        + "); the value of " + where + " is used",
                                "keep the value in one place"));
                    }
                    continue;
                }
                if (f != null) {
                    fromSidecar.putIfAbsent(f, sc.path());
                }
                if (f != null && meta.byField.containsKey(f) && MetadataStore.SINGLE_FIELDS.contains(f)) {
                    MetaEntry extra = new MetaEntry(Values.plain(e.getKey()), null, Values.plain(value), line);
                    meta.addExtra(extra, sc.path());
                    continue;
                }
                meta.add(e.getKey(), value, line, 1, sc.path());
            }
        }
    }

    /** A YAML value as one line of text: lists joined with commas, maps as {@code key: value} pairs. */
    static String yamlText(Object v) {
        if (v instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                if (o != null) {
                    parts.add(yamlText(o));
                }
            }
            return String.join(", ", parts);
        }
        if (v instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, x) -> parts.add(k + ": " + (x == null ? "" : yamlText(x))));
            return String.join(", ", parts);
        }
        return String.valueOf(v);
    }
}
