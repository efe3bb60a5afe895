package dev.specsite.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.specsite.config.MentionRules;
import dev.specsite.diag.Diagnostic;
import dev.specsite.model.Spec;
import dev.specsite.parse.ParsedSpec;

/**
 * The incremental link run: the last run's tables and resolutions, with only what changed resolved
 * again. Kept for speed alone (a full run gives the same site): after an edit of one body it takes a
 * small fraction of a full run's time, most of an in-process rebuild otherwise (figures:
 * docs/performance.md, "Stage states", measured by bench/StageMemories.java).
 */
final class Relink {

    private Relink() {
    }

    /** A site linked incrementally, the state the next run starts from, and the sources resolved again. */
    record Result(LinkedSite site, LinkState next, Set<String> resolvedAgain) {
    }

    /**
     * The incremental link: when the same files are parsed and every spec that parsed anew kept
     * what the lookup tables are made of (id, aliases, anchors, relations, numbered mentions, the
     * word count where a shared number depends on it), the tables of the last run still hold. Then
     * only the changed specs, and those whose links show a retitled spec or read the anchors of one
     * whose anchors changed (a new title changes the title's anchor), are resolved again, and
     * only the specs they refer to (before or now) get new backlinks; every other linked spec is
     * the last run's. The result equals a full run's; {@code null} when it cannot be done so.
     */
    static Result relink(LinkState m, List<ParsedSpec> ordered, Collection<String> otherFiles,
                         List<Diagnostic> scanDiagnostics, Map<String, String> renames, MentionRules mentions,
                         IdTables tables, Resolver resolver) {
        if (m == null || m.ordered().size() != ordered.size() || !m.renames().equals(renames)
                || !m.ix().files.equals(new HashSet<>(otherFiles))) {
            return null;
        }
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            ParsedSpec p = ordered.get(i);
            ParsedSpec q = m.ordered().get(i);
            if (p != q) {
                if (!p.spec().source().equals(q.spec().source())) {
                    return null;
                }
                changed.add(i);
            }
        }
        boolean learnWords = mentions.numberWords().isEmpty();
        Map<ParsedSpec, List<IdTables.WordNumber>> newWords = new IdentityHashMap<>();
        Set<String> retitled = new HashSet<>(); // or given other anchors: the specs that read them resolve again
        Map<String, Set<String>> reanchored = new HashMap<>();
        Map<String, Map<Long, Integer>> counts = new HashMap<>(m.wordCounts());
        Set<String> recounted = new HashSet<>();
        for (int i : changed) {
            ParsedSpec p = ordered.get(i);
            ParsedSpec q = m.ordered().get(i);
            Spec a = q.spec();
            Spec b = p.spec();
            if (!a.id().equals(b.id()) || a.idDerived() != b.idDerived() || !a.aliases().equals(b.aliases())
                    || RedirectPlan.aliasLine(a) != RedirectPlan.aliasLine(b) || !a.relations().equals(b.relations())
                    || RedirectPlan.idLine(a) != RedirectPlan.idLine(b) && RedirectPlan.names(m.redirectDiags(), a.source())
                    || m.contested().contains(a.source()) && a.words() != b.words()) {
                return null;
            }
            if (!p.anchors().equals(q.anchors())) {
                reanchored.put(m.ix().idByPath.get(a.source()), p.anchors());
            }
            if (learnWords) {
                List<IdTables.WordNumber> words = tables.wordNumbers(p);
                List<IdTables.WordNumber> before = m.words().get(q);
                if (before == null) { // a state taken back from the build cache knows none yet
                    before = tables.wordNumbers(q);
                }
                if (!words.equals(before)) {
                    recount(counts, recounted, before, -1);
                    recount(counts, recounted, words, 1);
                }
                newWords.put(p, words);
            }
            if (!a.title().equals(b.title()) || !p.anchors().equals(q.anchors())) {
                retitled.add(m.ix().idByPath.get(a.source()));
            }
        }

        for (String word : recounted) {
            if (IdTables.isNumberWord(counts.getOrDefault(word, Map.of()).keySet(), m.ix()) != m.ix().numberWords.contains(word)) {
                return null; // a word became a number word, or stopped being one
            }
        }

        // the tables hold: the changed specs take their places
        Map<String, Set<String>> anchors = m.ix().anchors;
        if (!reanchored.isEmpty()) {
            anchors = new HashMap<>(anchors);
            anchors.putAll(reanchored);
        }
        LookupTables ix = new LookupTables(m.ix(), anchors);
        Set<String> redo = new TreeSet<>();
        Map<String, ParsedSpec> bySource = new HashMap<>();
        for (int i : changed) {
            Spec s = ordered.get(i).spec();
            ix.byId.put(m.ix().idByPath.get(s.source()), IdTables.withId(s, m.ix().idByPath.get(s.source())));
            redo.add(s.source());
            bySource.put(s.source(), ordered.get(i));
        }
        if (!retitled.isEmpty()) {
            m.bySource().forEach((source, r) -> {
                if (r.consulted().stream().anyMatch(retitled::contains)) {
                    redo.add(source);
                }
            });
        }
        Map<String, Outcome> now = new HashMap<>(m.bySource());
        List<Outcome> again = redo.parallelStream().map(source -> {
            Outcome old = m.bySource().get(source);
            ParsedSpec p = bySource.getOrDefault(source, old.parsed());
            return resolver.resolveAnew(p, ix.byId.get(ix.idByPath.get(source)), old.extra(), ix);
        }).toList();
        again.forEach(r -> now.put(r.spec().source(), r));
        now.values().forEach(r -> ix.copied.addAll(r.copied()));

        // backlinks of the specs referred to, before or now
        Set<String> redoIds = new HashSet<>();
        Set<String> touched = new TreeSet<>();
        for (String source : redo) {
            String id = ix.idByPath.get(source);
            redoIds.add(id);
            touched.add(id);
            for (Outcome r : List.of(m.bySource().get(source), now.get(source))) {
                r.refs().forEach(ref -> touched.add(ref.targetId()));
            }
        }
        Map<String, List<String>> from = new HashMap<>(m.from());
        Map<String, List<Backlink>> backlinks = new HashMap<>(m.backlinks());
        for (String t : touched) {
            TreeSet<String> referring = new TreeSet<>();
            List<Backlink> bl = new ArrayList<>();
            for (String f : m.from().getOrDefault(t, List.of())) {
                if (!redoIds.contains(f)) {
                    referring.add(f);
                }
            }
            for (Backlink b : m.backlinks().getOrDefault(t, List.of())) {
                if (!redoIds.contains(b.fromId())) {
                    bl.add(b);
                }
            }
            for (String source : redo) {
                String id = ix.idByPath.get(source);
                for (LinkMemory.Ref ref : now.get(source).refs()) {
                    if (ref.targetId().equals(t) && !id.equals(t)) {
                        referring.add(id);
                        bl.add(new Backlink(id, ref.context(), ref.anchor(), ref.line()));
                    }
                }
            }
            putOrRemove(from, t, List.copyOf(referring));
            putOrRemove(backlinks, t, Referrers.sortBacklinks(bl));
        }
        LinkedHashMap<String, LinkedSpec> out = new LinkedHashMap<>(m.out());
        Map<ParsedSpec, List<IdTables.WordNumber>> words = new IdentityHashMap<>(m.words());
        for (int i : changed) {
            words.remove(m.ordered().get(i));
        }
        words.putAll(newWords);
        LinkState next = new LinkState(ix, now, List.copyOf(ordered), m.renames(), m.extra(), m.contested(), counts, from, backlinks,
                m.relations(), m.relationDiags(), m.aliases(), m.formerPaths(), out, m.redirects(), m.redirectDiags(), words);
        for (String t : touched) {
            out.put(t, next.linked(now.get(ix.byId.get(t).source()), t));
        }
        List<Diagnostic> siteDiags = new ArrayList<>(scanDiagnostics);
        siteDiags.addAll(m.redirectDiags());
        return new Result(new LinkedSite(new ArrayList<>(out.values()), List.copyOf(ix.copied), siteDiags, m.redirects()),
                next, Set.copyOf(redo));
    }

    /** Adds ({@code sign} 1) or removes (-1) numbered mentions from the counts, copying each word's counts once. */
    private static void recount(Map<String, Map<Long, Integer>> counts, Set<String> copied, List<IdTables.WordNumber> mentions,
                                int sign) {
        for (IdTables.WordNumber w : mentions) {
            Map<Long, Integer> numbers = counts.get(w.word());
            if (copied.add(w.word())) {
                numbers = numbers == null ? new HashMap<>() : new HashMap<>(numbers);
                counts.put(w.word(), numbers);
            }
            numbers.merge(w.number(), sign, (x, y) -> x + y == 0 ? null : x + y);
        }
    }

    private static <V> void putOrRemove(Map<String, List<V>> map, String key, List<V> value) {
        if (value.isEmpty()) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }
}
