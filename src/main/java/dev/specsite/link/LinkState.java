package dev.specsite.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.parse.ParsedSpec;

/**
 * What one link run made, for the next: the lookup tables, the resolutions (each with what it
 * consulted of other specs), and the per-spec results of the site-wide passes (backlinks,
 * relations, aliases, redirects). A run never changes the state it starts from: the next run makes
 * a new one, sharing what did not change. Outside this package it is a value to hand back to the
 * next {@link Linker#run}, to store ({@link #memory}) and to take back ({@link #of(LinkMemory, Collection, SiteConfig, Map)}).
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
 * @param words          per parse result (by identity), its word-and-number mentions ({@code RFC 2})
 */
public record LinkState(LookupTables ix, Map<String, Outcome> bySource, List<ParsedSpec> ordered, Map<String, String> renames,
                Map<String, List<Diagnostic>> extra, Set<String> contested,
                Map<String, Map<Long, Integer>> wordCounts, Map<String, List<String>> from,
                Map<String, List<Backlink>> backlinks, Map<String, List<ResolvedRelation>> relations,
                Map<String, List<Diagnostic>> relationDiags, Map<String, List<String>> aliases,
                Map<String, List<String>> formerPaths, LinkedHashMap<String, LinkedSpec> out,
                List<Redirect> redirects, List<Diagnostic> redirectDiags,
                Map<ParsedSpec, List<IdTables.WordNumber>> words) {

    LinkState withRedirects(List<Redirect> r, List<Diagnostic> d) {
        return new LinkState(ix, bySource, ordered, renames, extra, contested, wordCounts, from, backlinks, relations,
                relationDiags, aliases, formerPaths, out, List.copyOf(r), d, words);
    }

    /** The linked specs of this run, in id order. */
    public Collection<LinkedSpec> linked() {
        return java.util.Collections.unmodifiableCollection(out.values());
    }

    /**
     * This state as plain data, for the build cache. {@code exported} holds the entries an earlier
     * export made of each resolution (by identity), reused when nothing of them changed, so that the
     * cache can tell an unchanged entry by identity; {@code next} gets this export's.
     */
    public LinkMemory memory(Map<Object, LinkMemory.Entry> exported, Map<Object, LinkMemory.Entry> next) {
        return LinkMemories.export(this, exported, next);
    }

    /**
     * The state a memory was made of, taken back with the parse results it was made of; {@code given}
     * gets the entry of each resolution (see {@link #memory}). {@code null} when the memory does not fit
     * the parse results.
     */
    public static LinkState of(LinkMemory saved, Collection<ParsedSpec> parsed, SiteConfig config,
                               Map<Object, LinkMemory.Entry> given) {
        return LinkMemories.takeBack(saved, parsed, config, given);
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
