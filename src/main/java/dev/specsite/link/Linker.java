package dev.specsite.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.specsite.config.MentionRules;
import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.model.OpenQuestion;
import dev.specsite.model.Relation;
import dev.specsite.model.Requirement;
import dev.specsite.model.Section;
import dev.specsite.model.Spec;
import dev.specsite.model.SpecLink;
import dev.specsite.parse.ParsedSpec;
import dev.specsite.parse.SpecParser;

/**
 * Stage 3, link: gives every spec a unique id and page, resolves relative links and id mentions,
 * computes backlinks and relations, and reports what does not resolve.
 */
public final class Linker {

    private static final Map<String, String> INVERSE = Map.of(
            "supersedes", "superseded-by", "superseded-by", "supersedes", "replaces", "superseded-by");

    private final SiteConfig config;
    private final ReservedPaths reserved;
    private final MentionRules mentions;
    private final List<java.nio.file.PathMatcher> excludes;

    /** The last link run of this linker: a long-lived caller reuses what did not change. */
    private Memory last;
    /** The entries the last {@link #memory()} (or {@link #remember}) made of each resolution, by identity. */
    private Map<Outcome, LinkMemory.Entry> exported = new IdentityHashMap<>();
    /** The word-and-number mentions of each parse result of the last run (by identity). */
    private Map<ParsedSpec, List<WordNumber>> wordNumbers = new IdentityHashMap<>();
    /** Distance computations of the suggestions made so far (tests check that they scale). */
    private final java.util.concurrent.atomic.LongAdder comparisons = new java.util.concurrent.atomic.LongAdder();

    public Linker(SiteConfig config) {
        this(config, ReservedPaths.BUILT_IN);
    }

    /** @param reserved the paths the site writes itself (with the theme's assets): no alias may take them */
    public Linker(SiteConfig config, ReservedPaths reserved) {
        this.config = config;
        this.reserved = reserved;
        this.mentions = MentionRules.of(config);
        List<java.nio.file.PathMatcher> m = new ArrayList<>();
        for (String glob : config.excludes()) {
            m.add(java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob));
        }
        this.excludes = List.copyOf(m);
    }

    /** How many distance computations this linker's "did you mean" suggestions have made. */
    long suggestionComparisons() {
        return comparisons.sum();
    }

    /** Links the parsed specs. {@code otherFiles} are the non-Markdown files of the source tree. */
    public LinkedSite link(List<ParsedSpec> parsed, Collection<String> otherFiles, List<Diagnostic> scanDiagnostics) {
        return link(parsed, otherFiles, scanDiagnostics, Map.of());
    }

    /**
     * Links the parsed specs.
     *
     * @param otherFiles      the non-Markdown files of the source tree
     * @param scanDiagnostics problems found while scanning
     * @param renames         former source path to the path the file has now (from git history); a
     *                        former path keeps working in links, and its former page redirects
     */
    public LinkedSite link(List<ParsedSpec> parsed, Collection<String> otherFiles, List<Diagnostic> scanDiagnostics,
                           Map<String, String> renames) {
        List<ParsedSpec> ordered = new ArrayList<>(parsed);
        ordered.sort((a, b) -> a.spec().source().compareTo(b.spec().source()));
        LinkedSite again = relink(ordered, otherFiles, scanDiagnostics, renames);
        if (again != null) {
            return again;
        }

        // 1. unique ids
        LookupTables ix = new LookupTables();
        Map<String, String> idByPath = ix.idByPath;
        Map<String, Spec> byId = ix.byId;
        Map<String, String> lowerIds = ix.lowerIds;
        Map<String, List<Diagnostic>> extra = new HashMap<>();
        Map<String, Integer> derivedCount = new HashMap<>();
        Map<String, String> pageIds = new HashMap<>();
        for (ParsedSpec p : ordered) {
            if (p.spec().idDerived()) {
                derivedCount.merge(p.spec().id().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        for (ParsedSpec p : ordered) {
            Spec s = p.spec();
            String id = s.id();
            if (s.idDerived() && derivedCount.get(id.toLowerCase(Locale.ROOT)) > 1) {
                id = s.source().replaceFirst("(?i)\\.(md|markdown)$", "").replaceAll("[^\\p{L}\\p{N}._-]+", "-");
            }
            String lower = id.toLowerCase(Locale.ROOT);
            if (lowerIds.containsKey(lower)) {
                String other = lowerIds.get(lower);
                String unique = id;
                for (int i = 2; lowerIds.containsKey(unique.toLowerCase(Locale.ROOT)); i++) {
                    unique = id + "-" + i;
                }
                extra.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(Diagnostic.error(s.source(), 1, 1,
                        "duplicate-id", "id " + id + " is already used by " + byId.get(other).source()
                                + "; this spec is published as " + unique,
                        "give each spec its own id"));
                id = unique;
                lower = id.toLowerCase(Locale.ROOT);
            }
            String page = Urls.slug(id).toLowerCase(Locale.ROOT);
            if (pageIds.containsKey(page)) { // ids apart whose pages are one (ü.md and ö.md: specs/spec.html)
                String unique = Urls.slug(id);
                for (int i = 2; pageIds.containsKey(unique.toLowerCase(Locale.ROOT))
                        || lowerIds.containsKey(unique.toLowerCase(Locale.ROOT)); i++) {
                    unique = Urls.slug(id) + "-" + i;
                }
                extra.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(Diagnostic.warning(s.source(), 1, 1,
                        "page-conflict", "the page of " + id + " would be " + Urls.specPage(id) + ", the page of "
                                + pageIds.get(page) + "; this spec is published as " + unique,
                        "give the spec an id of letters, digits, '.', '_' and '-'"));
                id = unique;
                lower = id.toLowerCase(Locale.ROOT);
                page = lower;
            }
            pageIds.put(page, id);
            lowerIds.put(lower, id);
            idByPath.put(s.source(), id);
            byId.put(id, withId(s, id));
        }
        for (Map.Entry<String, String> e : idByPath.entrySet()) {
            ix.lowerPaths.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getKey());
        }
        Set<String> prefixes = ix.prefixes;
        for (Spec s : byId.values()) {
            if (!s.idDerived()) {
                int dash = s.id().indexOf('-');
                if (dash > 0) {
                    prefixes.add(s.id().substring(0, dash + 1).toUpperCase(Locale.ROOT));
                }
            }
        }
        ix.files.addAll(otherFiles);
        for (String f : ix.files) {
            addDirs(f, ix.dirs);
        }
        for (String p : idByPath.keySet()) {
            addDirs(p, ix.dirs);
        }
        for (ParsedSpec p : ordered) {
            ix.anchors.put(idByPath.get(p.spec().source()), p.anchors());
        }
        for (Spec s : byId.values()) {
            ix.slugs.putIfAbsent(Urls.slug(s.id()).toLowerCase(Locale.ROOT), s.id());
        }
        Map<String, TreeSet<String>> aliasIds = new TreeMap<>();
        Map<String, TreeSet<String>> formerPaths = new TreeMap<>();
        formerPathsAndAliases(ix, renames, extra, aliasIds, formerPaths);
        Set<String> contested = numbers(ix, ordered, extra);
        Map<String, Map<Long, Integer>> wordCounts = learnNumberWords(ix, ordered);

        // 2. resolve every spec's references
        // in parallel: from here on the lookup tables are only read (copied files are a concurrent set)
        Map<String, Resolution> resolutions = new TreeMap<>();
        Reuse reuse = Reuse.of(last, ix);
        Map<String, Outcome> now = new java.util.concurrent.ConcurrentHashMap<>();
        List<Resolution> resolved = ordered.parallelStream().map(p -> {
            Spec spec = byId.get(idByPath.get(p.spec().source()));
            List<Diagnostic> extraDiags = extra.getOrDefault(spec.source(), List.of());
            Outcome done = reuse.lookup(p, spec, extraDiags);
            if (done == null) {
                done = resolveAnew(p, spec, extraDiags, ix);
            }
            ix.copied.addAll(done.copied());
            now.put(spec.source(), done);
            return done.toResolution();
        }).toList();
        resolved.forEach(r -> resolutions.put(r.spec.id(), r));

        // 3. backlinks and relations
        // (resolutions come in id order)
        Map<String, List<String>> from = new HashMap<>();
        Map<String, List<Backlink>> sortedBacklinks = new HashMap<>();
        referrers(resolutions.values().stream().map(r -> Map.entry(r.spec.id(), (List<LinkMemory.Ref>) r.refs)).toList(),
                from, sortedBacklinks);
        Map<String, List<ResolvedRelation>> relations = new HashMap<>();
        Map<String, List<Diagnostic>> relationDiags = new HashMap<>();
        for (Resolution r : resolutions.values()) {
            for (Relation rel : r.spec.relations()) {
                String target = resolveRelationTarget(r.spec, rel.target(), ix);
                if (target == null) {
                    relationDiags.computeIfAbsent(r.spec.id(), k -> new ArrayList<>()).add(Diagnostic.warning(r.spec.source(), rel.line(), 1, "unknown-relation-target",
                            rel.type() + " names '" + rel.target() + "', which is no spec of this site",
                            "use the id or the relative path of a spec"));
                } else if (target.equals(r.spec.id())) {
                    relationDiags.computeIfAbsent(r.spec.id(), k -> new ArrayList<>()).add(Diagnostic.warning(r.spec.source(), rel.line(), 1, "self-relation",
                            rel.type() + " names this spec itself", "name another spec, or remove the line"));
                }
                relations.computeIfAbsent(r.spec.id(), k -> new ArrayList<>())
                        .add(new ResolvedRelation(rel.type(), rel.target(), target, true));
            }
        }
        // inverse sides
        for (Resolution r : resolutions.values()) {
            for (ResolvedRelation rel : relations.getOrDefault(r.spec.id(), List.of())) {
                if (rel.targetId() == null || !rel.declared() || rel.targetId().equals(r.spec.id())) {
                    continue; // a spec naming itself has no other side (and its list is the one being read)
                }
                String inverse = INVERSE.getOrDefault(rel.type(), rel.type().equals("depends-on") ? "required-by"
                        : rel.type());
                List<ResolvedRelation> other = relations.computeIfAbsent(rel.targetId(), k -> new ArrayList<>());
                boolean has = other.stream().anyMatch(o -> r.spec.id().equals(o.targetId())
                        && (o.type().equals(inverse) || o.type().equals(rel.type()) && isSymmetric(rel.type())));
                if (!has) {
                    other.add(new ResolvedRelation(inverse, r.spec.id(), r.spec.id(), false));
                    if (INVERSE.containsKey(rel.type())) {
                        Spec t = byId.get(rel.targetId());
                        relationDiags.computeIfAbsent(rel.targetId(), k -> new ArrayList<>()).add(Diagnostic.warning(t.source(), 1, 1,
                                "one-sided-relation", r.spec.id() + " says it " + rel.type().replace('-', ' ') + " "
                                        + t.id() + ", but " + t.id() + " does not say it is " + inverse.replace('-', ' ')
                                        + " " + r.spec.id(),
                                "add '" + inverse + ": " + r.spec.id() + "' to the metadata of " + t.id()));
                    }
                }
            }
        }

        Map<String, List<ResolvedRelation>> sortedRelations = new HashMap<>();
        relations.forEach((id, rels) -> {
            List<ResolvedRelation> sorted = new ArrayList<>(rels);
            sorted.sort((a, b) -> (a.type() + a.target()).compareTo(b.type() + b.target()));
            sortedRelations.put(id, List.copyOf(sorted));
        });
        Map<String, List<String>> aliases = new HashMap<>();
        aliasIds.forEach((id, set) -> aliases.put(id, List.copyOf(set)));
        Map<String, List<String>> former = new HashMap<>();
        formerPaths.forEach((id, set) -> former.put(id, List.copyOf(set)));
        Memory m = new Memory(ix, now, List.copyOf(ordered), Map.copyOf(renames), extra, contested, wordCounts, from,
                sortedBacklinks, sortedRelations, relationDiags, aliases, former, new LinkedHashMap<>(), List.of(),
                List.of());
        for (Resolution r : resolutions.values()) {
            m.out().put(r.spec.id(), m.linked(now.get(r.spec.source()), r.spec.id()));
        }
        List<LinkedSpec> out = new ArrayList<>(m.out().values());
        List<Diagnostic> siteDiags = new ArrayList<>(scanDiagnostics);
        List<Redirect> redirects = RedirectPlan.of(out, ix, reserved, siteDiags);
        last = m.withRedirects(redirects, List.copyOf(siteDiags.subList(scanDiagnostics.size(), siteDiags.size())));
        return new LinkedSite(out, List.copyOf(ix.copied), siteDiags, redirects);
    }

    /** What this linker keeps of its last run, as data for the build cache; {@code null} before its first run. */
    public LinkMemory memory() {
        Memory m = last;
        if (m == null) {
            return null;
        }
        LinkMemory.Tables tables = m.ix().saved();
        Map<String, LinkMemory.Entry> entries = new HashMap<>();
        Map<Outcome, LinkMemory.Entry> next = new IdentityHashMap<>();
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
                        r.diags(), sorted(r.consulted()), r.copied(), relations, relationDiags, aliases, formerPaths);
            }
            entries.put(source, e);
            next.put(r, e);
        });
        exported = next;
        return new LinkMemory(tables, m.renames(), sorted(m.contested()), m.wordCounts(), m.redirects(),
                m.redirectDiags(), entries);
    }

    static List<String> sorted(Collection<String> c) {
        List<String> l = new ArrayList<>(c);
        l.sort(null);
        return l;
    }

    /**
     * Takes back the memory of an earlier run (see {@link #memory()}), made of these parse results,
     * so that the next {@link #link} is as incremental as it would be in the process that made it.
     * Returns {@code false}, remembering nothing, when the memory does not fit the parse results.
     */
    public boolean remember(LinkMemory saved, Collection<ParsedSpec> parsed) {
        last = null;
        wordNumbers = new IdentityHashMap<>();
        exported = new IdentityHashMap<>();
        Map<Outcome, LinkMemory.Entry> given = new IdentityHashMap<>();
        LinkMemory.Tables t = saved.tables();
        if (parsed.size() != saved.entries().size() || t.idByPath().size() != parsed.size()) {
            return false;
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
            Spec spec = withId(p.spec(), e.id());
            // the entry's lists as they are (read-only): the next memory() hands the same ones, cheap to compare
            return new Taken(p, e, spec, new Outcome(p, spec, e.extra(),
                    Body.of(p).resolved(e.resolved(), e.raw(), spec.hash()), e.refs(), e.broken(), e.diagnostics(),
                    Set.copyOf(e.consulted()), e.copied()));
        }).toList();
        for (Taken k : taken) {
            if (k == null) {
                return false;
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
            return false;
        }
        for (ParsedSpec p : ordered) {
            String source = p.spec().source();
            Outcome r = bySource.get(source);
            ix.copied.addAll(r.copied());
            byId.put(r.spec().id(), r);
        }
        Map<String, List<String>> from = new HashMap<>();
        Map<String, List<Backlink>> backlinks = new HashMap<>();
        referrers(byId.values().stream().map(r -> Map.entry(r.spec().id(), r.refs())).toList(), from, backlinks);
        Memory m = new Memory(ix, bySource, List.copyOf(ordered), Map.copyOf(saved.renames()), extra,
                Set.copyOf(saved.contested()), saved.wordCounts(), from, backlinks, relations, relationDiags, aliases,
                formerPaths, new LinkedHashMap<>(), List.copyOf(saved.redirects()), List.copyOf(saved.redirectDiags()));
        List<Map.Entry<String, Outcome>> inOrder = new ArrayList<>(byId.entrySet());
        List<LinkedSpec> linked = inOrder.parallelStream().map(e -> m.linked(e.getValue(), e.getKey())).toList();
        for (int i = 0; i < linked.size(); i++) {
            m.out().put(inOrder.get(i).getKey(), linked.get(i));
        }
        last = m;
        exported = given;
        return true;
    }

    /** A spec taken back from a link memory: its entry, its spec under the entry's id, its resolution. */
    private record Taken(ParsedSpec parsed, LinkMemory.Entry entry, Spec spec, Outcome resolved) {
    }

    private static <V> void putIfAny(Map<String, List<V>> map, String key, List<V> value) {
        if (!value.isEmpty()) {
            map.put(key, value);
        }
    }

    /** The linked specs of the last run (or of the memory taken back), in id order; empty before any. */
    public Collection<LinkedSpec> lastLinked() {
        Memory m = last;
        return m == null ? List.of() : m.out().values();
    }

    /** The redirects of the last run (or of the memory taken back): the list the next run hands when they stay. */
    public List<Redirect> lastRedirects() {
        Memory m = last;
        return m == null ? List.of() : m.redirects();
    }

    /** A spec's references as resolved, before backlinks and relations are added: what a later run may reuse. */
    private record Outcome(ParsedSpec parsed, Spec spec, List<Diagnostic> extra, Body body,
                            List<LinkMemory.Ref> refs, List<String> broken, List<Diagnostic> diags,
                            Set<String> consulted, List<String> copied) {
        Outcome(ParsedSpec parsed, Spec spec, List<Diagnostic> extra, Resolution r) {
            this(parsed, spec, List.copyOf(extra), r.body, List.copyOf(r.refs), List.copyOf(r.broken),
                    List.copyOf(r.diags), Set.copyOf(r.consulted), List.copyOf(r.copied));
        }

        Resolution toResolution() {
            Resolution r = new Resolution(spec, body, diags);
            r.refs.addAll(refs);
            r.broken.addAll(broken);
            return r;
        }
    }

    /**
     * What one link run made, kept for the next: the lookup tables, the resolutions, and the
     * per-spec results of the site-wide passes (backlinks, relations, aliases, redirects).
     *
     * @param ordered        the parse results, by source path
     * @param extra          link-stage diagnostics of each source from the tables (duplicate ids, aliases, numbers)
     * @param contested      sources whose file-name number other specs share (their word counts decide it)
     * @param wordCounts     per word of a numbered mention, how many mentions name each number
     * @param from           per spec id, the ids of the specs referring to it, sorted
     * @param backlinks      per spec id, the references to it, sorted
     * @param relations      per spec id, its relations (declared and inverse), sorted
     * @param relationDiags  per spec id, the relation diagnostics the site-wide pass gave it
     * @param out            the linked specs, by id in id order
     * @param redirectDiags  the diagnostics the redirects gave
     */
    private record Memory(LookupTables ix, Map<String, Outcome> bySource, List<ParsedSpec> ordered, Map<String, String> renames,
                          Map<String, List<Diagnostic>> extra, Set<String> contested,
                          Map<String, Map<Long, Integer>> wordCounts, Map<String, List<String>> from,
                          Map<String, List<Backlink>> backlinks, Map<String, List<ResolvedRelation>> relations,
                          Map<String, List<Diagnostic>> relationDiags, Map<String, List<String>> aliases,
                          Map<String, List<String>> formerPaths, LinkedHashMap<String, LinkedSpec> out,
                          List<Redirect> redirects, List<Diagnostic> redirectDiags) {

        Memory withRedirects(List<Redirect> r, List<Diagnostic> d) {
            return new Memory(ix, bySource, ordered, renames, extra, contested, wordCounts, from, backlinks, relations,
                    relationDiags, aliases, formerPaths, out, List.copyOf(r), d);
        }

        /** The linked spec of one resolution, from the site-wide results of this memory. */
        LinkedSpec linked(Outcome r, String id) {
            TreeSet<String> to = new TreeSet<>();
            r.refs().forEach(ref -> {
                if (!ref.targetId().equals(id)) {
                    to.add(ref.targetId());
                }
            });
            List<Diagnostic> diags = new ArrayList<>(r.diags());
            diags.addAll(relationDiags.getOrDefault(id, List.of()));
            diags.sort(Diagnostic.ORDER);
            return new LinkedSpec(r.spec(), Urls.specPage(id), r.body(), List.copyOf(to), from.getOrDefault(id, List.of()),
                    backlinks.getOrDefault(id, List.of()), relations.getOrDefault(id, List.of()), r.broken(), diags,
                    aliases.getOrDefault(id, List.of()), formerPaths.getOrDefault(id, List.of()));
        }
    }

    /**
     * Who refers to each spec (ids, sorted) and its backlinks (sorted), from every spec's references:
     * {@code refs} holds each spec's id and references, in id order. The targets are split in two by
     * hash, each half gathered on its own thread (both walk every spec's references in id order, so
     * that each target's lists come out as they would from one).
     */
    private static void referrers(List<Map.Entry<String, List<LinkMemory.Ref>>> refs, Map<String, List<String>> from,
                                  Map<String, List<Backlink>> sortedBacklinks) {
        List<Map<String, Referred>> halves = java.util.stream.IntStream.range(0, 2).parallel().mapToObj(half -> {
            // in id order, each list of referring ids is sorted as it grows, and a spec referring twice
            // to one target adds itself twice in a row
            Map<String, Referred> byTarget = new HashMap<>();
            for (Map.Entry<String, List<LinkMemory.Ref>> e : refs) {
                // a call per spec rather than one long loop: in a fresh JVM the compiler takes a method
                // after a few hundred calls, a loop only after tens of thousands of rounds
                referred(e.getKey(), e.getValue(), byTarget, half);
            }
            Map<String, Referred> sorted = new HashMap<>(byTarget.size() * 2);
            byTarget.forEach((id, t) -> sorted.put(id, new Referred(t.from(), sortBacklinks(t.backlinks()))));
            return sorted;
        }).toList();
        for (Map<String, Referred> half : halves) {
            half.forEach((id, t) -> {
                from.put(id, t.from());
                sortedBacklinks.put(id, t.backlinks());
            });
        }
    }

    /** Who a spec refers to, and whence: what {@link #referrers} collects. */
    private record Referred(List<String> from, List<Backlink> backlinks) {
    }

    /** Collects a spec's references to the targets of one half ({@code half}: 0 or 1, by the target id's hash). */
    private static void referred(String id, List<LinkMemory.Ref> refs, Map<String, Referred> byTarget, int half) {
        for (LinkMemory.Ref ref : refs) {
            if ((ref.targetId().hashCode() & 1) != half || ref.targetId().equals(id)) {
                continue;
            }
            Referred t = byTarget.computeIfAbsent(ref.targetId(), k -> new Referred(new ArrayList<>(), new ArrayList<>()));
            if (t.from().isEmpty() || !t.from().get(t.from().size() - 1).equals(id)) {
                t.from().add(id);
            }
            t.backlinks().add(new Backlink(id, ref.context(), ref.anchor(), ref.line()));
        }
    }

    /** Backlinks by referring spec id, then line; references on one line keep their order. */
    private static List<Backlink> sortBacklinks(List<Backlink> bl) {
        java.util.Comparator<Backlink> order = (a, b) -> a.fromId().equals(b.fromId())
                ? Integer.compare(a.line(), b.line()) : a.fromId().compareTo(b.fromId());
        for (int i = 1; i < bl.size(); i++) {
            if (order.compare(bl.get(i - 1), bl.get(i)) > 0) {
                List<Backlink> sorted = new ArrayList<>(bl);
                sorted.sort(order);
                return List.copyOf(sorted);
            }
        }
        return List.copyOf(bl);
    }

    /**
     * The incremental link: when the same files are parsed and every spec that parsed anew kept
     * what the lookup tables are made of (id, aliases, anchors, relations, numbered mentions, the
     * word count where a shared number depends on it), the tables of the last run still hold. Then
     * only the changed specs, and those whose links show a retitled spec, are resolved again, and
     * only the specs they refer to (before or now) get new backlinks; every other linked spec is
     * the last run's. The result equals a full run's; {@code null} when it cannot be done so.
     */
    private LinkedSite relink(List<ParsedSpec> ordered, Collection<String> otherFiles, List<Diagnostic> scanDiagnostics,
                              Map<String, String> renames) {
        Memory m = last;
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
        Map<ParsedSpec, List<WordNumber>> newWords = new IdentityHashMap<>();
        Set<String> retitled = new HashSet<>();
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
                return null;
            }
            if (learnWords) {
                List<WordNumber> words = wordNumbers(p);
                List<WordNumber> before = wordNumbers.get(q);
                if (before == null) { // a memory taken back from the build cache knows none yet
                    before = wordNumbers(q);
                }
                if (!words.equals(before)) {
                    recount(counts, recounted, before, -1);
                    recount(counts, recounted, words, 1);
                }
                newWords.put(p, words);
            }
            if (!a.title().equals(b.title())) {
                retitled.add(m.ix().idByPath.get(a.source()));
            }
        }

        for (String word : recounted) {
            if (isNumberWord(counts.getOrDefault(word, Map.of()).keySet(), m.ix()) != m.ix().numberWords.contains(word)) {
                return null; // a word became a number word, or stopped being one
            }
        }

        // the tables hold: the changed specs take their places
        LookupTables ix = new LookupTables(m.ix());
        Set<String> redo = new TreeSet<>();
        Map<String, ParsedSpec> bySource = new HashMap<>();
        for (int i : changed) {
            Spec s = ordered.get(i).spec();
            ix.byId.put(m.ix().idByPath.get(s.source()), withId(s, m.ix().idByPath.get(s.source())));
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
            return resolveAnew(p, ix.byId.get(ix.idByPath.get(source)), old.extra(), ix);
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
            putOrRemove(backlinks, t, sortBacklinks(bl));
        }
        LinkedHashMap<String, LinkedSpec> out = new LinkedHashMap<>(m.out());
        Memory next = new Memory(ix, now, List.copyOf(ordered), m.renames(), m.extra(), m.contested(), counts, from, backlinks,
                m.relations(), m.relationDiags(), m.aliases(), m.formerPaths(), out, m.redirects(), m.redirectDiags());
        for (String t : touched) {
            out.put(t, next.linked(now.get(ix.byId.get(t).source()), t));
        }
        for (int i : changed) {
            ParsedSpec q = m.ordered().get(i);
            wordNumbers.remove(q);
        }
        wordNumbers.putAll(newWords);
        last = next;
        List<Diagnostic> siteDiags = new ArrayList<>(scanDiagnostics);
        siteDiags.addAll(m.redirectDiags());
        return new LinkedSite(new ArrayList<>(out.values()), List.copyOf(ix.copied), siteDiags, m.redirects());
    }

    /** Resolves a spec's references from its parse result, with the link-stage diagnostics the tables gave it. */
    private Outcome resolveAnew(ParsedSpec p, Spec spec, List<Diagnostic> extra, LookupTables ix) {
        Resolution r = new Resolution(p, spec);
        r.diags.addAll(extra);
        resolve(r, ix);
        return new Outcome(p, spec, extra, r);
    }

    /** Adds ({@code sign} 1) or removes (-1) numbered mentions from the counts, copying each word's counts once. */
    private static void recount(Map<String, Map<Long, Integer>> counts, Set<String> copied, List<WordNumber> mentions,
                                int sign) {
        for (WordNumber w : mentions) {
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

    /**
     * Which resolutions of the last run still hold. A resolution reads the site-wide tables (ids,
     * paths, files, numbers, …) and the titles and anchors of the specs it refers to; it holds when
     * its spec parsed to the same result, under the same id and with the same link-stage
     * diagnostics, the site-wide tables are equal, and no spec it consulted got another title or
     * other anchors.
     */
    private record Reuse(Memory last, Set<String> changedTargets) {
        static final Reuse NONE = new Reuse(null, Set.of());

        static Reuse of(Memory last, LookupTables now) {
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

    /** Reads {@code aliases} and renames: former ids, former paths and the pages they had. */
    private void formerPathsAndAliases(LookupTables ix, Map<String, String> renames, Map<String, List<Diagnostic>> extra,
                                       Map<String, TreeSet<String>> aliasIds, Map<String, TreeSet<String>> formerPaths) {
        ix.web = new WebUrls(config.repositoryUrl(), config.siteHost());
        for (String p : new TreeSet<>(ix.idByPath.keySet())) {
            String name = p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            ix.byFileName.computeIfAbsent(name, k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, String> e : new TreeMap<>(renames).entrySet()) {
            String id = ix.idByPath.get(e.getValue());
            if (id == null || ix.idByPath.containsKey(e.getKey())) {
                continue;
            }
            ix.formerPaths.putIfAbsent(e.getKey(), id);
            formerPaths.computeIfAbsent(id, k -> new TreeSet<>()).add(e.getKey());
            Spec s = ix.byId.get(id);
            if (s.idDerived()) {
                String oldId = SpecParser.derivedId(e.getKey());
                if (!ix.lowerIds.containsKey(oldId.toLowerCase(Locale.ROOT))) {
                    if (ix.formerPages.putIfAbsent(Urls.specPage(oldId), id) == null) {
                        ix.renamedPages.add(Urls.specPage(oldId));
                    }
                    aliasIds.computeIfAbsent(id, k -> new TreeSet<>()).add(oldId);
                }
            }
        }
        for (String id : new TreeSet<>(ix.byId.keySet())) {
            Spec s = ix.byId.get(id);
            for (String alias : s.aliases()) {
                String a = alias.strip();
                String path = null;
                String problem = AliasCheck.problem(a);
                if (problem == null && AliasCheck.isPath(a)) {
                    path = normalize("", a);
                    problem = AliasCheck.pathProblem(a, path);
                }
                if (problem != null) {
                    extra.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(Diagnostic.warning(s.source(),
                            RedirectPlan.aliasLine(s), 1, "alias-invalid", problem + "; the alias is not used",
                            "write a former id, or a former path from the root of the source (old/x.md) or of the"
                                    + " site (specs/OLD-1.html)"));
                    continue;
                }
                if (path != null) {
                    String claim = AliasCheck.isPage(path) ? reserved.claim(path) : null;
                    if (claim != null) {
                        extra.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(Diagnostic.warning(s.source(),
                                RedirectPlan.aliasLine(s), 1, "reserved-path", "alias " + a + " is a path the site uses itself ("
                                        + claim + "); no redirect written", "remove the alias; the spec keeps its own page"));
                    } else if (AliasCheck.isPage(path)) {
                        String other = ix.formerPages.putIfAbsent(path, id);
                        if (other != null && !other.equals(id)) {
                            extra.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(Diagnostic.warning(s.source(),
                                    RedirectPlan.aliasLine(s), 1, "alias-conflict", "alias " + a + " is already a former page of "
                                            + other + "; it leads there", "remove the alias from one of the two specs"));
                        }
                    } else {
                        String other = ix.formerPaths.putIfAbsent(path, id);
                        if (other != null && !other.equals(id)) {
                            extra.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(Diagnostic.warning(s.source(),
                                    RedirectPlan.aliasLine(s), 1, "alias-conflict", "alias " + a + " is already a former path of "
                                            + other + "; links to it lead there", "remove the alias from one of the two specs"));
                            continue;
                        }
                        formerPaths.computeIfAbsent(id, k -> new TreeSet<>()).add(path);
                        // the page the file had while its id was derived from its name
                        String formerPage = Urls.specPage(SpecParser.derivedId(path));
                        if (!formerPage.equals(Urls.specPage(id))
                                && !ix.lowerIds.containsKey(SpecParser.derivedId(path).toLowerCase(Locale.ROOT))) {
                            ix.formerPages.putIfAbsent(formerPage, id);
                        }
                    }
                    continue;
                }
                String other = ix.lowerIds.get(a.toLowerCase(Locale.ROOT));
                if (other != null) {
                    if (!other.equals(id)) {
                        extra.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(Diagnostic.warning(s.source(),
                                RedirectPlan.aliasLine(s), 1, "alias-conflict", "alias " + a + " is already the id or an alias of "
                                        + other, "remove the alias from one of the two specs"));
                    }
                    continue;
                }
                ix.lowerIds.put(a.toLowerCase(Locale.ROOT), id);
                aliasIds.computeIfAbsent(id, k -> new TreeSet<>()).add(a);
                ix.formerPages.putIfAbsent(Urls.specPage(a), id);
            }
        }
    }

    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d{1,9})(?:[-_. ]|$)");
    private static final Pattern LEADING_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}");

    /**
     * Number aliases: a file name starting with a number ({@code 0042-x.md}) gives its spec the number
     * 42. When several files share a number, the longest spec takes it (a stub that only points at the
     * other loses); a tie leaves the number to nobody. Returns the sources of the specs that share a number.
     */
    private Set<String> numbers(LookupTables ix, List<ParsedSpec> ordered, Map<String, List<Diagnostic>> extra) {
        Set<String> contested = new HashSet<>();
        if (!mentions.numbersFromFileNames()) {
            return contested;
        }
        Map<Long, List<Spec>> byNumber = new TreeMap<>();
        for (ParsedSpec p : ordered) {
            String name = p.spec().source().substring(p.spec().source().lastIndexOf('/') + 1);
            Matcher m = LEADING_NUMBER.matcher(name);
            if (m.find() && !LEADING_DATE.matcher(name).find()) {
                Spec s = ix.byId.get(ix.idByPath.get(p.spec().source()));
                byNumber.computeIfAbsent(Long.parseLong(m.group(1)), k -> new ArrayList<>()).add(s);
            }
        }
        for (Map.Entry<Long, List<Spec>> e : byNumber.entrySet()) {
            List<Spec> specs = new ArrayList<>(e.getValue());
            if (specs.size() > 1) {
                specs.forEach(s -> contested.add(s.source()));
            }
            specs.sort((a, b) -> Integer.compare(b.words(), a.words()));
            if (specs.size() == 1 || specs.get(0).words() > specs.get(1).words()) {
                ix.numbers.put(e.getKey(), specs.get(0).id());
            } else {
                for (Spec s : specs) {
                    extra.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(Diagnostic.info(s.source(), 1, 1,
                            "ambiguous-number", "several specs start their file name with " + e.getKey()
                                    + "; mentions of that number stay plain text", "give each spec its own number"));
                }
            }
        }
        return contested;
    }

    /**
     * The words that may stand before a spec number: configured, or learnt from the mentions: a word
     * is taken when it names at least three existing spec numbers and more existing than missing ones.
     */
    private Map<String, Map<Long, Integer>> learnNumberWords(LookupTables ix, List<ParsedSpec> ordered) {
        Map<String, Map<Long, Integer>> counts = new HashMap<>();
        if (!mentions.numberWords().isEmpty()) {
            ix.numberWords.addAll(mentions.numberWords());
            return counts;
        }
        Map<ParsedSpec, List<WordNumber>> next = new IdentityHashMap<>();
        for (ParsedSpec p : ordered) {
            List<WordNumber> named = wordNumbers.get(p);
            if (named == null) {
                named = wordNumbers(p);
            }
            next.put(p, named);
            for (WordNumber w : named) {
                counts.computeIfAbsent(w.word(), k -> new HashMap<>()).merge(w.number(), 1, Integer::sum);
            }
        }
        wordNumbers = next;
        counts.forEach((word, numbers) -> {
            if (isNumberWord(numbers.keySet(), ix)) {
                ix.numberWords.add(word);
            }
        });
        return counts;
    }

    /** Whether the numbers a word stands before make it a number word (see {@link #learnNumberWords}). */
    private static boolean isNumberWord(Set<Long> named, LookupTables ix) {
        int hits = 0;
        for (long n : named) {
            if (ix.numbers.containsKey(n)) {
                hits++;
            }
        }
        return hits >= MIN_WORD_HITS && hits > named.size() - hits;
    }

    /** A word and the number after it in a mention ({@code RFC 246}). */
    private record WordNumber(String word, long number) {
    }

    /** The word-and-number mentions of a spec. */
    private List<WordNumber> wordNumbers(ParsedSpec p) {
        List<WordNumber> out = new ArrayList<>();
        for (SpecLink l : p.spec().links()) {
            if (!l.kind().equals("mention")) {
                continue;
            }
            mentions.classify(l.target()).ifPresent(m -> {
                String word = m.word();
                long number = m.number();
                if (m.kind() == MentionRules.Kind.ID) {
                    Matcher wm = WORD_NUMBER.matcher(m.id());
                    if (!wm.matches() || m.anchor() != null) {
                        return;
                    }
                    word = wm.group(1).toUpperCase(Locale.ROOT);
                    number = Long.parseLong(wm.group(2));
                }
                if (word != null) {
                    out.add(new WordNumber(word, number));
                }
            });
        }
        return List.copyOf(out);
    }

    /** How many distinct existing spec numbers a word must name before it counts as a number word. */
    private static final int MIN_WORD_HITS = 3;
    private static final Pattern WORD_NUMBER = Pattern.compile("([A-Za-z]{3,8})-(\\d{1,9})");

    private static boolean isSymmetric(String type) {
        return type.equals("related") || type.equals("see-also");
    }

    private static void addDirs(String path, Set<String> dirs) {
        int i = path.lastIndexOf('/');
        while (i > 0) {
            path = path.substring(0, i);
            if (!dirs.add(path)) {
                return;
            }
            i = path.lastIndexOf('/');
        }
    }

    private static Spec withId(Spec s, String id) {
        if (s.id().equals(id)) {
            return s;
        }
        return s.withId(id);
    }

    private String resolveRelationTarget(Spec from, String target, LookupTables ix) {
        String id = ix.lowerIds.get(target.toLowerCase(Locale.ROOT));
        if (id != null) {
            return id;
        }
        String path = normalize(dirOf(from.source()), WebUrls.decode(target.replaceFirst("#.*$", "")));
        if (path != null) {
            String byPath = specPathFor(path, ix);
            if (byPath != null) {
                return ix.idByPath.get(byPath);
            }
            if (ix.formerPaths.containsKey(path)) {
                return ix.formerPaths.get(path);
            }
        }
        if (target.matches("\\d{1,9}")) {
            return ix.numbers.get(Long.parseLong(target));
        }
        return mentions.classify(target).map(m -> numberTarget(m, ix)).orElse(null);
    }

    /** The spec a numbered mention names, or {@code null}. */
    private static String numberTarget(MentionRules.Mention m, LookupTables ix) {
        long number = m.number();
        if (m.kind() == MentionRules.Kind.ID) {
            Matcher wm = WORD_NUMBER.matcher(m.id());
            if (!wm.matches() || !ix.numberWords.contains(wm.group(1).toUpperCase(Locale.ROOT))) {
                return null;
            }
            number = Long.parseLong(wm.group(2));
        }
        return ix.numbers.get(number);
    }

    /** The per-spec work of resolving. */
    private static final class Resolution {
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

    private void resolve(Resolution r, LookupTables ix) {
        Spec spec = r.spec;
        List<SpecLink> links = spec.links();
        Resolved[] resolved = new Resolved[links.size()];
        for (SpecLink l : links) {
            resolved[l.index()] = l.kind().equals("mention") ? mention(r, l, ix) : link(r, l, ix);
        }
        r.countUnknown();
        List<Resolved> raw = new ArrayList<>();
        if (r.raw) {
            // raw HTML with relative links: each resolved like a Markdown link, in order
            for (SpecLink l : RawLinks.in(r.body.parsed())) {
                raw.add(link(r, l, ix));
            }
        }
        r.body = r.body.resolved(Arrays.asList(resolved), raw, spec.hash());
    }

    private Resolved mention(Resolution r, SpecLink l, LookupTables ix) {
        MentionRules.Mention m = mentions.classify(l.target()).orElse(null);
        if (m == null) {
            return Resolved.Plain.TEXT;
        }
        if (m.kind() == MentionRules.Kind.NUMBER) {
            boolean accepted = m.repo() != null ? ix.web.isRepository(m.repo())
                    : m.word() == null || ix.numberWords.contains(m.word());
            if (!accepted) {
                return Resolved.Plain.TEXT;
            }
            String resolved = ix.numbers.get(m.number());
            if (resolved == null) {
                if (m.word() != null) {
                    r.unknown(l, () -> Diagnostic.warning(r.spec.source(), l.line(), l.column(), "unknown-id",
                            "mention of " + l.target() + ", which is no spec of this site",
                            "check the number; no file name of this site starts with " + m.number()));
                    r.broken.add(l.target());
                    return new Resolved.Unknown(Resolved.Unknown.Kind.NUMBER);
                }
                return Resolved.Plain.TEXT;
            }
            return refTo(r, l, ix, resolved, null);
        }
        String id = m.id();
        String anchor = m.anchor();
        String resolved = ix.lowerIds.get(id.toLowerCase(Locale.ROOT));
        if (resolved == null && anchor == null) {
            resolved = numberTarget(m, ix);
        }
        if (resolved == null) {
            String prefix = id.substring(0, id.indexOf('-') + 1).toUpperCase(Locale.ROOT);
            if (ix.prefixes.contains(prefix)) {
                r.unknown(l, () -> {
                    String near = ix.idSuggester(comparisons).nearest(id);
                    return Diagnostic.warning(r.spec.source(), l.line(), l.column(), "unknown-id",
                            "mention of " + id + ", which is no spec of this site",
                            near == null ? "check the id" : "did you mean " + near + "?");
                });
                r.broken.add(l.target());
                return new Resolved.Unknown(Resolved.Unknown.Kind.ID);
            }
            return Resolved.Plain.TEXT;
        }
        r.consulted.add(resolved);
        if (anchor != null && !ix.anchors.get(resolved).contains(anchor)) {
            String fixed = fixAnchor(ix, resolved, anchor);
            if (fixed == null) {
                r.diags.add(Diagnostic.warning(r.spec.source(), l.line(), l.column(), "broken-anchor",
                        resolved + " has no requirement or section '" + anchor + "'",
                        suggestAnchor(anchor, ix.anchors.get(resolved))));
                r.broken.add(l.target());
            }
            anchor = fixed;
        }
        return refTo(r, l, ix, resolved, anchor);
    }

    private static Resolved refTo(Resolution r, SpecLink l, LookupTables ix, String resolved, String anchor) {
        r.refs.add(new LinkMemory.Ref(resolved, anchor, l.context(), l.line()));
        r.consulted.add(resolved);
        return new Resolved.ToSpec(resolved, anchor, ix.byId.get(resolved).title());
    }

    /** An anchor of a spec's page matched percent-decoded, then case-insensitively, or {@code null}. */
    private static String fixAnchor(LookupTables ix, String id, String anchor) {
        Set<String> all = ix.anchors.get(id);
        String decoded = WebUrls.decode(anchor);
        if (all.contains(decoded)) {
            return decoded;
        }
        for (String a : new TreeSet<>(all)) {
            if (a.equalsIgnoreCase(decoded)) {
                return a;
            }
        }
        return null;
    }

    private Resolved link(Resolution r, SpecLink l, LookupTables ix) {
        String url = l.target();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            String id = webTarget(url, ix);
            if (id == null || !l.kind().equals("link")) {
                return new Resolved.External(url);
            }
            return specHref(r, l, ix, id, WebUrls.fragment(url), url);
        }
        String fragment = null;
        String pathPart = url;
        int hash = url.indexOf('#');
        if (hash >= 0) {
            fragment = url.substring(hash + 1);
            pathPart = url.substring(0, hash);
        }
        int q = pathPart.indexOf('?');
        if (q >= 0) {
            pathPart = pathPart.substring(0, q);
        }
        String decoded = WebUrls.decode(pathPart);
        if (decoded.isEmpty()) {
            // same-page anchor: matched like anchors of other pages (decoded, then case-insensitively)
            r.consulted.add(r.spec.id());
            if (fragment != null && !fragment.isEmpty() && !ix.anchors.get(r.spec.id()).contains(fragment)) {
                String fixed = fixAnchor(ix, r.spec.id(), fragment);
                if (fixed == null) {
                    r.diags.add(Diagnostic.warning(r.spec.source(), l.line(), l.column(), "broken-anchor",
                            "this spec has no section '" + fragment + "'",
                            suggestAnchor(fragment, ix.anchors.get(r.spec.id()))));
                    r.broken.add(url);
                } else {
                    fragment = fixed;
                }
            }
            return new Resolved.SamePage(fragment == null ? "" : fragment);
        }
        String resolved = decoded.startsWith("/") ? normalize("", decoded.substring(1))
                : normalize(dirOf(r.spec.source()), decoded);
        if (resolved == null) {
            r.diags.add(Diagnostic.warning(r.spec.source(), l.line(), l.column(), "link-outside-source",
                    "link '" + url + "' points outside the source folder", "link to files inside the repository"));
            r.broken.add(url);
            return new Resolved.Broken(Resolved.Broken.Reason.OUTSIDE, url);
        }
        String specPath = specPathFor(resolved, ix);
        if (specPath == null && !ix.files.contains(resolved)) {
            String exact = ix.lowerPaths.get(resolved.toLowerCase(Locale.ROOT));
            if (exact != null) {
                r.diags.add(Diagnostic.warning(r.spec.source(), l.line(), l.column(), "link-case-mismatch",
                        "link '" + url + "' differs in case from the file " + exact,
                        "write the path as " + exact + "; Git hosts and most servers match paths case-sensitively"));
                specPath = exact;
            }
        }
        String id = specPath != null ? ix.idByPath.get(specPath) : ix.formerPaths.get(resolved);
        if (id != null) {
            return specHref(r, l, ix, id, fragment, url);
        }
        if (ix.files.contains(resolved) || specPath != null) {
            if (!config.repositoryUrl().isEmpty() && l.kind().equals("link")) {
                return new Resolved.External(config.repositoryUrl() + "/" + resolved);
            }
            if (specPath == null) {
                r.copied.add(resolved); // into ix.copied once resolved, reused or not
                return new Resolved.ToFile(resolved, fragment);
            }
        }
        if ((ix.dirs.contains(resolved) || excluded(resolved)) && !config.repositoryUrl().isEmpty()) {
            // a folder, or a file the configuration keeps off the site: it lives in the repository
            return new Resolved.External(config.repositoryUrl() + "/" + resolved);
        }
        r.diags.add(Diagnostic.warning(r.spec.source(), l.line(), l.column(),
                l.kind().equals("image") ? "missing-image" : "broken-link",
                (l.kind().equals("image") ? "image '" : "link target '") + url + "' does not exist",
                ix.pathSuggester(comparisons).hint(resolved)));
        r.broken.add(url);
        return new Resolved.Broken(Resolved.Broken.Reason.MISSING, url);
    }

    /** A link to a spec page (with the fragment checked against its anchors), recorded as a reference. */
    private static Resolved specHref(Resolution r, SpecLink l, LookupTables ix, String id, String fragment,
                                     String url) {
        String anchor = fragment;
        r.consulted.add(id);
        if (anchor != null && !anchor.isEmpty() && !ix.anchors.get(id).contains(anchor)) {
            String fixed = fixAnchor(ix, id, anchor);
            if (fixed == null) {
                r.diags.add(Diagnostic.warning(r.spec.source(), l.line(), l.column(), "broken-anchor",
                        ix.byId.get(id).source() + " has no section '" + anchor + "'",
                        suggestAnchor(anchor, ix.anchors.get(id))));
                r.broken.add(url);
            }
            anchor = fixed != null ? fixed : anchor;
        }
        String at = anchor == null || anchor.isEmpty() ? null : anchor;
        r.refs.add(new LinkMemory.Ref(id, at, l.context(), l.line()));
        return new Resolved.ToSpec(id, at, null);
    }

    /**
     * The spec an absolute URL names, or {@code null}: a pull request of the configured repository whose
     * number is a spec number, a file URL of the configured repository (by its
     * path, a former path, or, for a path that no longer exists, a unique file name), or a page of
     * this site below {@code site.host} (its page, short path, a former page, or a page named like
     * the source file, as mdBook and most generators publish {@code text/0001-x.md} as {@code 0001-x.html}).
     */
    private static String webTarget(String url, LookupTables ix) {
        long request = ix.web.requestNumber(url);
        if (request >= 0) {
            return ix.numbers.get(request);
        }
        String source = ix.web.sourcePath(url);
        if (source != null) {
            String path = normalize("", source);
            if (path == null) {
                return null;
            }
            String specPath = specPathFor(path, ix);
            if (specPath != null) {
                return ix.idByPath.get(specPath);
            }
            if (ix.formerPaths.containsKey(path)) {
                return ix.formerPaths.get(path);
            }
            List<String> sameName = ix.byFileName.get(path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT));
            return sameName != null && sameName.size() == 1 ? ix.idByPath.get(sameName.get(0)) : null;
        }
        String site = ix.web.sitePath(url);
        if (site == null) {
            return null;
        }
        String path = normalize("", site);
        if (path == null || path.isEmpty()) {
            return null;
        }
        if (path.startsWith(Urls.SPEC_DIR) && path.endsWith(".html")) {
            String id = ix.slugs.get(path.substring(Urls.SPEC_DIR.length(), path.length() - 5).toLowerCase(Locale.ROOT));
            if (id != null) {
                return id;
            }
        }
        if (ix.formerPages.containsKey(path)) {
            return ix.formerPages.get(path);
        }
        String shortId = path.replaceFirst("/(index\\.html)?$", "");
        if (!shortId.contains("/")) {
            String id = ix.lowerIds.get(shortId.toLowerCase(Locale.ROOT));
            if (id != null && !shortId.endsWith(".html")) {
                return id;
            }
        }
        if (path.endsWith(".html")) {
            String md = path.substring(0, path.length() - 5) + ".md";
            String specPath = specPathFor(md, ix);
            if (specPath != null) {
                return ix.idByPath.get(specPath);
            }
            List<String> sameName = ix.byFileName.get(md.substring(md.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT));
            return sameName != null && sameName.size() == 1 ? ix.idByPath.get(sameName.get(0)) : null;
        }
        return null;
    }

    /** Whether {@code specsite.exclude} keeps a source path (or one of its folders) off the site. */
    private boolean excluded(String path) {
        if (excludes.isEmpty()) {
            return false;
        }
        for (java.nio.file.Path p = java.nio.file.Path.of(path); p != null; p = p.getParent()) {
            for (java.nio.file.PathMatcher m : excludes) {
                if (m.matches(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String specPathFor(String resolved, LookupTables ix) {
        Map<String, String> idByPath = ix.idByPath;
        if (idByPath.containsKey(resolved)) {
            return resolved;
        }
        for (String ext : List.of(".md", ".markdown")) {
            if (idByPath.containsKey(resolved + ext)) {
                return resolved + ext;
            }
        }
        String base = resolved.isEmpty() ? "" : resolved.replaceFirst("/$", "") + "/";
        if (resolved.isEmpty() || ix.dirs.contains(resolved.replaceFirst("/$", ""))) {
            for (String index : List.of("README.md", "readme.md", "Readme.md", "index.md", "_index.md")) {
                if (idByPath.containsKey(base + index)) {
                    return base + index;
                }
            }
        }
        return null;
    }

    static String dirOf(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }

    /** Joins and normalises a relative path; {@code null} when it climbs above the root. */
    static String normalize(String dir, String rel) {
        List<String> parts = new ArrayList<>();
        if (!dir.isEmpty()) {
            parts.addAll(List.of(dir.split("/")));
        }
        for (String p : rel.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    private static String suggestAnchor(String missing, Set<String> existing) {
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String a : new TreeSet<>(existing)) {
            int d = distance(missing.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT));
            if (d < bestScore) {
                bestScore = d;
                best = a;
            }
        }
        if (best == null || bestScore > Math.max(3, missing.length() / 2)) {
            return "link to one of the spec's section anchors";
        }
        return "did you mean #" + best + "?";
    }

    /** Levenshtein distance, bounded to short strings. */
    static int distance(String a, String b) {
        if (a.length() > 200 || b.length() > 200) {
            return Integer.MAX_VALUE / 2;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

}
