package dev.specsite.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.specsite.config.MentionRules;
import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.model.Spec;
import dev.specsite.parse.ParsedSpec;

/**
 * Stage 3, link: gives every spec a unique id and page, resolves relative links and id mentions,
 * computes backlinks and relations, and reports what does not resolve. The recipe of a full run:
 * ids and lookup tables ({@link IdTables}), each spec's links resolved ({@link Resolver}, reusing
 * what still holds: {@link Reuse}), backlinks ({@link Referrers}) and relations ({@link Relations}),
 * redirects ({@link RedirectPlan}). A run after a small edit is incremental ({@link Relink}); the
 * state between runs is a {@link LinkState}, kept in the build cache as a {@link LinkMemory}
 * ({@link LinkMemories}).
 */
public final class Linker {

    private final SiteConfig config;
    private final ReservedPaths reserved;
    private final MentionRules mentions;
    private final IdTables tables;
    private final Resolver resolver;

    /** The last link run of this linker: a long-lived caller reuses what did not change. */
    private LinkState last;
    /** The entries the last {@link #memory()} (or {@link #remember}) made of each resolution, by identity. */
    private Map<Outcome, LinkMemory.Entry> exported = new IdentityHashMap<>();

    public Linker(SiteConfig config) {
        this(config, ReservedPaths.BUILT_IN);
    }

    /** @param reserved the paths the site writes itself (with the theme's assets): no alias may take them */
    public Linker(SiteConfig config, ReservedPaths reserved) {
        this.config = config;
        this.reserved = reserved;
        this.mentions = MentionRules.of(config);
        this.tables = new IdTables(config, reserved, mentions);
        this.resolver = new Resolver(config, mentions);
    }

    /** How many distance computations this linker's "did you mean" suggestions have made. */
    long suggestionComparisons() {
        return resolver.comparisons.sum();
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
        Relink.Result again = Relink.relink(last, ordered, otherFiles, scanDiagnostics, renames, mentions, tables,
                resolver);
        if (again != null) {
            last = again.next();
            return again.site();
        }

        // 1. unique ids and the lookup tables
        IdTables.Built built = tables.build(ordered, otherFiles, renames);
        LookupTables ix = built.ix();
        Map<String, List<Diagnostic>> extra = built.extra();

        // 2. resolve every spec's references
        // in parallel: from here on the lookup tables are only read (copied files are a concurrent set)
        Map<String, Resolution> resolutions = new TreeMap<>();
        Reuse reuse = Reuse.of(last, ix);
        Map<String, Outcome> now = new java.util.concurrent.ConcurrentHashMap<>();
        List<Resolution> resolved = ordered.parallelStream().map(p -> {
            Spec spec = ix.byId.get(ix.idByPath.get(p.spec().source()));
            List<Diagnostic> extraDiags = extra.getOrDefault(spec.source(), List.of());
            Outcome done = reuse.lookup(p, spec, extraDiags);
            if (done == null) {
                done = resolver.resolveAnew(p, spec, extraDiags, ix);
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
        Referrers.referrers(resolutions.values().stream()
                .map(r -> Map.entry(r.spec.id(), (List<LinkMemory.Ref>) r.refs)).toList(), from, sortedBacklinks);
        Map<String, List<Diagnostic>> relationDiags = new HashMap<>();
        Map<String, List<ResolvedRelation>> sortedRelations = Relations.of(resolutions.values(), ix, resolver,
                relationDiags);
        Map<String, List<String>> aliases = new HashMap<>();
        built.aliasIds().forEach((id, set) -> aliases.put(id, List.copyOf(set)));
        Map<String, List<String>> former = new HashMap<>();
        built.formerPaths().forEach((id, set) -> former.put(id, List.copyOf(set)));

        // 4. the linked specs and their redirects
        LinkState m = new LinkState(ix, now, List.copyOf(ordered), Map.copyOf(renames), extra, built.contested(),
                built.wordCounts(), from, sortedBacklinks, sortedRelations, relationDiags, aliases, former,
                new LinkedHashMap<>(), List.of(), List.of());
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
        LinkState m = last;
        if (m == null) {
            return null;
        }
        Map<Outcome, LinkMemory.Entry> next = new IdentityHashMap<>();
        LinkMemory saved = LinkMemories.export(m, exported, next);
        exported = next;
        return saved;
    }

    /**
     * Takes back the memory of an earlier run (see {@link #memory()}), made of these parse results,
     * so that the next {@link #link} is as incremental as it would be in the process that made it.
     * Returns {@code false}, remembering nothing, when the memory does not fit the parse results.
     */
    public boolean remember(LinkMemory saved, Collection<ParsedSpec> parsed) {
        last = null;
        tables.forgetWords();
        exported = new IdentityHashMap<>();
        Map<Outcome, LinkMemory.Entry> given = new IdentityHashMap<>();
        LinkState m = LinkMemories.takeBack(saved, parsed, config, given);
        if (m == null) {
            return false;
        }
        last = m;
        exported = given;
        return true;
    }

    /** The linked specs of the last run (or of the memory taken back), in id order; empty before any. */
    public Collection<LinkedSpec> lastLinked() {
        LinkState m = last;
        return m == null ? List.of() : m.out().values();
    }

    /** The redirects of the last run (or of the memory taken back): the list the next run hands when they stay. */
    public List<Redirect> lastRedirects() {
        LinkState m = last;
        return m == null ? List.of() : m.redirects();
    }
}
