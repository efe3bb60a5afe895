package dev.specsite.link;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.specsite.diag.Diagnostic;
import dev.specsite.model.Spec;
import dev.specsite.parse.ParsedSpec;

/**
 * Which resolutions of the last run still hold. A resolution reads the site-wide tables (ids,
 * paths, files, numbers, …) and the titles and anchors of the specs it refers to; it holds when
 * its spec parsed to the same result, under the same id and with the same link-stage
 * diagnostics, the site-wide tables are equal, and no spec it consulted got another title or
 * other anchors.
 */
record Reuse(LinkState last, Set<String> changedTargets) {
    static final Reuse NONE = new Reuse(null, Set.of());

    static Reuse of(LinkState last, LookupTables now) {
        if (last == null || !last.ix().sameSiteWideTables(now)) {
            return NONE;
        }
        Set<String> changed = new HashSet<>();
        Set<String> ids = new HashSet<>(last.ix().byId.keySet());
        ids.addAll(now.byId.keySet());
        for (String id : ids) {
            Spec a = last.ix().byId.get(id);
            Spec b = now.byId.get(id);
            if (a == null || b == null || !a.title().equals(b.title()) || !a.source().equals(b.source())
                    || !last.ix().anchors.get(id).equals(now.anchors.get(id))) {
                changed.add(id);
            }
        }
        return new Reuse(last, changed);
    }

    Outcome lookup(ParsedSpec p, Spec spec, List<Diagnostic> extra) {
        if (last == null) {
            return null;
        }
        Outcome r = last.bySource().get(spec.source());
        if (r == null || r.parsed() != p || !r.spec().id().equals(spec.id()) || !r.extra().equals(extra)) {
            return null;
        }
        for (String id : r.consulted()) {
            if (changedTargets.contains(id)) {
                return null;
            }
        }
        return r;
    }
}
