package dev.specsite.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.specsite.config.MentionRules;
import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.model.Spec;
import dev.specsite.parse.ParsedSpec;

/**
 * Stage 3, link: gives every spec a unique id and page, resolves relative links and id mentions,
 * computes backlinks and relations, and reports what does not resolve. A function of its input
 * and of the state the last run left ({@link LinkState}, or none): the recipe of a full run is
 * ids and lookup tables ({@link IdTables}), each spec's links resolved ({@link Resolver}, taking
 * over the resolutions that still hold: {@link Reuse}), backlinks ({@link Referrers}) and relations
 * ({@link Relations}), redirects ({@link RedirectPlan}); after an edit that leaves the tables as they
 * were, only what the edit reaches is resolved again ({@link Relink}). The linker keeps nothing
 * between runs: the caller hands the last state back (see {@code incremental.Snapshot}).
 */
public final class Linker {

    private final SiteConfig config;
    private final ReservedPaths reserved;
    private final MentionRules mentions;
    private final IdTables tables;
    private final Resolver resolver;

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

    /**
     * One link run's result.
     *
     * @param site          the linked site
     * @param state         what the next run starts from
     * @param tablesMade    whether the lookup tables were made anew (else the last run's held)
     * @param resolvedAgain the source paths whose links were resolved anew (the others' were taken
     *                      over from the last state), sorted
     */
    public record Run(LinkedSite site, LinkState state, boolean tablesMade, List<String> resolvedAgain) {
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
        return run(parsed, otherFiles, scanDiagnostics, renames, null).site();
    }

    /**
     * Links the parsed specs, taking over from {@code last} (the state of the run before, or
     * {@code null}) what still holds; {@code last} is not changed. The site equals a full run's.
     *
     * @param otherFiles      the non-Markdown files of the source tree
     * @param scanDiagnostics problems found while scanning
     * @param renames         former source path to the path the file has now (from git history)
     */
    public Run run(List<ParsedSpec> parsed, Collection<String> otherFiles, List<Diagnostic> scanDiagnostics,
                   Map<String, String> renames, LinkState last) {
        List<ParsedSpec> ordered = new ArrayList<>(parsed);
        ordered.sort((a, b) -> a.spec().source().compareTo(b.spec().source()));
        Relink.Result again = Relink.relink(last, ordered, otherFiles, scanDiagnostics, renames, mentions, tables,
                resolver);
        if (again != null) {
            return new Run(again.site(), again.next(), false, new ArrayList<>(new TreeSet<>(again.resolvedAgain())));
        }

        // 1. unique ids and the lookup tables
        IdTables.Built built = tables.build(ordered, otherFiles, renames,
                last == null ? Map.of() : last.words());
        LookupTables ix = built.ix();
        Map<String, List<Diagnostic>> extra = built.extra();

        // 2. resolve every spec's references
        // in parallel: from here on the lookup tables are only read (copied files are a concurrent set)
        Map<String, Resolution> resolutions = new TreeMap<>();
        Reuse reuse = Reuse.of(last, ix);
        Map<String, Outcome> now = new java.util.concurrent.ConcurrentHashMap<>();
        Set<String> anew = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Resolution> resolved = ordered.parallelStream().map(p -> {
            Spec spec = ix.byId.get(ix.idByPath.get(p.spec().source()));
            List<Diagnostic> extraDiags = extra.getOrDefault(spec.source(), List.of());
            Outcome done = reuse.lookup(p, spec, extraDiags);
            if (done == null) {
                done = resolver.resolveAnew(p, spec, extraDiags, ix);
                anew.add(spec.source());
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
                new LinkedHashMap<>(), List.of(), List.of(), built.words());
        for (Resolution r : resolutions.values()) {
            m.out().put(r.spec.id(), m.linked(now.get(r.spec.source()), r.spec.id()));
        }
        List<LinkedSpec> out = new ArrayList<>(m.out().values());
        List<Diagnostic> siteDiags = new ArrayList<>(scanDiagnostics);
        List<Redirect> redirects = RedirectPlan.of(out, ix, reserved, siteDiags);
        LinkState next = m.withRedirects(redirects, List.copyOf(siteDiags.subList(scanDiagnostics.size(), siteDiags.size())));
        return new Run(new LinkedSite(out, List.copyOf(ix.copied), siteDiags, redirects), next, true,
                new ArrayList<>(new TreeSet<>(anew)));
    }
}
