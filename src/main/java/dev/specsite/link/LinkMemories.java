package dev.specsite.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.model.Spec;
import dev.specsite.parse.ParsedSpec;

/** A link run's state to {@link LinkMemory} data for the build cache, and back. */
final class LinkMemories {

    private LinkMemories() {
    }

    /**
     * A run's state as data for the build cache. {@code exported} holds the entries the last export made
     * of each resolution (by identity), reused when nothing of them changed; {@code next} gets this
     * export's.
     */
    static LinkMemory export(LinkState m, Map<Object, LinkMemory.Entry> exported, Map<Object, LinkMemory.Entry> next) {
        LinkMemory.Tables tables = m.ix().saved();
        Map<String, LinkMemory.Entry> entries = new HashMap<>();
        m.bySource().forEach((source, r) -> {
            String id = r.spec().id();
            List<ResolvedRelation> relations = m.relations().getOrDefault(id, List.of());
            List<Diagnostic> relationDiags = m.relationDiags().getOrDefault(id, List.of());
            List<String> aliases = m.aliases().getOrDefault(id, List.of());
            List<String> formerPaths = m.formerPaths().getOrDefault(id, List.of());
            LinkMemory.Entry e = exported.get(r);
            // the entry of the last memory when nothing of it changed (the cache then compares by identity)
            if (e == null || e.relations() != relations || e.relationDiags() != relationDiags || e.aliases() != aliases
                    || e.formerPaths() != formerPaths) {
                Body b = r.body();
                e = new LinkMemory.Entry(id, r.extra(), b.resolved(), b.raw(), r.refs(), r.broken(),
                        r.diags(), LookupTables.sorted(r.consulted()), r.copied(), relations, relationDiags, aliases, formerPaths);
            }
            entries.put(source, e);
            next.put(r, e);
        });
        return new LinkMemory(tables, m.renames(), LookupTables.sorted(m.contested()), m.wordCounts(), m.redirects(),
                m.redirectDiags(), entries);
    }

    /**
     * The state of the run a memory was made of, taken back with these parse results; {@code given}
     * gets the entry of each resolution. {@code null} when the memory does not fit the parse results.
     */
    static LinkState takeBack(LinkMemory saved, Collection<ParsedSpec> parsed, SiteConfig config,
                              Map<Object, LinkMemory.Entry> given) {
        LinkMemory.Tables t = saved.tables();
        if (parsed.size() != saved.entries().size() || t.idByPath().size() != parsed.size()) {
            return null;
        }
        List<ParsedSpec> ordered = new ArrayList<>(parsed);
        ordered.sort((a, b) -> a.spec().source().compareTo(b.spec().source()));
        LookupTables ix = new LookupTables(t);
        ix.web = new WebUrls(config.repositoryUrl(), config.siteHost());
        Map<String, Outcome> bySource = new HashMap<>();
        Map<String, List<Diagnostic>> extra = new HashMap<>();
        Map<String, List<ResolvedRelation>> relations = new HashMap<>();
        Map<String, List<Diagnostic>> relationDiags = new HashMap<>();
        Map<String, List<String>> aliases = new HashMap<>();
        Map<String, List<String>> formerPaths = new HashMap<>();
        TreeMap<String, Outcome> byId = new TreeMap<>();
        // each spec's entry taken back on both cores, then put in order
        List<Taken> taken = ordered.parallelStream().map(p -> {
            String source = p.spec().source();
            LinkMemory.Entry e = saved.entries().get(source);
            if (e == null || !e.id().equals(t.idByPath().get(source))) {
                return null;
            }
            Spec spec = IdTables.withId(p.spec(), e.id());
            // the entry's lists as they are (read-only): the next memory() hands the same ones, cheap to compare
            return new Taken(p, e, spec, new Outcome(p, spec, e.extra(),
                    Body.of(p).resolved(e.resolved(), e.raw(), spec.hash()), e.refs(), e.broken(), e.diagnostics(),
                    Set.copyOf(e.consulted()), e.copied()));
        }).toList();
        for (Taken k : taken) {
            if (k == null) {
                return null;
            }
            ParsedSpec p = k.parsed();
            LinkMemory.Entry e = k.entry();
            String source = p.spec().source();
            ix.byId.put(e.id(), k.spec());
            ix.anchors.put(e.id(), p.anchors());
            Outcome r = k.resolved();
            given.put(r, e);
            bySource.put(source, r);
            if (!e.extra().isEmpty()) {
                extra.put(source, new ArrayList<>(e.extra()));
            }
            putIfAny(relations, e.id(), e.relations());
            putIfAny(relationDiags, e.id(), e.relationDiags());
            putIfAny(aliases, e.id(), e.aliases());
            putIfAny(formerPaths, e.id(), e.formerPaths());
        }
        if (ix.byId.size() != ordered.size()) {
            return null;
        }
        for (ParsedSpec p : ordered) {
            String source = p.spec().source();
            Outcome r = bySource.get(source);
            ix.copied.addAll(r.copied());
            byId.put(r.spec().id(), r);
        }
        Map<String, List<String>> from = new HashMap<>();
        Map<String, List<Backlink>> backlinks = new HashMap<>();
        Referrers.referrers(byId.values().stream().map(r -> Map.entry(r.spec().id(), r.refs())).toList(), from, backlinks);
        LinkState m = new LinkState(ix, bySource, List.copyOf(ordered), Map.copyOf(saved.renames()), extra,
                Set.copyOf(saved.contested()), saved.wordCounts(), from, backlinks, relations, relationDiags, aliases,
                formerPaths, new LinkedHashMap<>(), List.copyOf(saved.redirects()), List.copyOf(saved.redirectDiags()),
                new java.util.IdentityHashMap<>());
        List<Map.Entry<String, Outcome>> inOrder = new ArrayList<>(byId.entrySet());
        List<LinkedSpec> linked = inOrder.parallelStream().map(e -> m.linked(e.getValue(), e.getKey())).toList();
        for (int i = 0; i < linked.size(); i++) {
            m.out().put(inOrder.get(i).getKey(), linked.get(i));
        }
        return m;
    }

    /** A spec taken back from a link memory: its entry, its spec under the entry's id, its resolution. */
    private record Taken(ParsedSpec parsed, LinkMemory.Entry entry, Spec spec, Outcome resolved) {
    }

    private static <V> void putIfAny(Map<String, List<V>> map, String key, List<V> value) {
        if (!value.isEmpty()) {
            map.put(key, value);
        }
    }
}
