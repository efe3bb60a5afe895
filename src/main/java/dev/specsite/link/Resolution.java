package dev.specsite.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.specsite.diag.Diagnostic;
import dev.specsite.model.Spec;
import dev.specsite.model.SpecLink;
import dev.specsite.parse.ParsedSpec;

/** The per-spec work of resolving. */
final class Resolution {
    final Spec spec;
    Body body;
    final List<Diagnostic> diags;
    final List<LinkMemory.Ref> refs = new ArrayList<>();
    final List<String> broken = new ArrayList<>();
    /** Ids of the specs whose title or anchors the resolution read. */
    final Set<String> consulted = new HashSet<>();
    /** Files of the source tree its links made part of the site. */
    final List<String> copied = new ArrayList<>();

    /** Whether the body has raw HTML links to resolve (see {@link ParsedSpec#rawLinks()}). */
    final boolean raw;
    /** Per unknown id mentioned (as written, case aside): its warning's place in {@link #diags} and how many mentions. */
    private Map<String, int[]> unknown;

    /**
     * Records a mention of an unknown id: the first of an id gets the warning {@code first} makes,
     * the others only count (see {@link #countUnknown()}).
     */
    void unknown(SpecLink l, java.util.function.Supplier<Diagnostic> first) {
        if (unknown == null) {
            unknown = new HashMap<>();
        }
        int[] seen = unknown.computeIfAbsent(l.target().toLowerCase(Locale.ROOT), k -> new int[] {-1, 0});
        if (seen[0] < 0) {
            seen[0] = diags.size();
            diags.add(first.get());
        }
        seen[1]++;
    }

    /** Says in each unknown id's one warning how many times the spec mentions it. */
    void countUnknown() {
        if (unknown == null) {
            return;
        }
        for (int[] seen : unknown.values()) {
            if (seen[1] > 1) {
                Diagnostic d = diags.get(seen[0]);
                diags.set(seen[0], new Diagnostic(d.file(), d.line(), d.column(), d.severity(), d.code(),
                        d.message() + " (mentioned " + seen[1] + " times in this spec; the first is here)", d.hint()));
            }
        }
    }

    Resolution(Spec spec, Body body, List<Diagnostic> diags) {
        this(spec, body, diags, false);
    }

    /** The resolution to make of a parse result. */
    Resolution(ParsedSpec p, Spec spec) {
        this(spec, Body.of(p), p.diagnostics(), p.rawLinks());
    }

    private Resolution(Spec spec, Body body, List<Diagnostic> diags, boolean raw) {
        this.spec = spec;
        this.body = body;
        this.diags = new ArrayList<>(diags);
        this.raw = raw;
    }
}
