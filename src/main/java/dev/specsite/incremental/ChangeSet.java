package dev.specsite.incremental;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.specsite.model.SourceFile;
import dev.specsite.parse.ParsedSpec;

/**
 * What the scan found changed since a snapshot: the spec files added, changed (another content
 * hash) and removed, each list sorted. The parse stage parses the added and changed ones and takes
 * the parse results of the others from the snapshot.
 */
public record ChangeSet(List<String> added, List<String> changed, List<String> removed) {

    public ChangeSet {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    /** The changes from the parse results of a snapshot to the spec files a scan found. */
    public static ChangeSet of(Map<String, ParsedSpec> before, List<SourceFile> now) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SourceFile f : now) {
            seen.add(f.path());
            ParsedSpec p = before.get(f.path());
            if (p == null) {
                added.add(f.path());
            } else if (!p.spec().hash().equals(f.hash())) {
                changed.add(f.path());
            }
        }
        List<String> removed = new ArrayList<>();
        for (String path : before.keySet()) {
            if (!seen.contains(path)) {
                removed.add(path);
            }
        }
        added.sort(null);
        changed.sort(null);
        removed.sort(null);
        return new ChangeSet(added, changed, removed);
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
}
