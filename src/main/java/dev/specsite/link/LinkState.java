package dev.specsite.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.specsite.diag.Diagnostic;
import dev.specsite.parse.ParsedSpec;

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
record LinkState(LookupTables ix, Map<String, Outcome> bySource, List<ParsedSpec> ordered, Map<String, String> renames,
                Map<String, List<Diagnostic>> extra, Set<String> contested,
                Map<String, Map<Long, Integer>> wordCounts, Map<String, List<String>> from,
                Map<String, List<Backlink>> backlinks, Map<String, List<ResolvedRelation>> relations,
                Map<String, List<Diagnostic>> relationDiags, Map<String, List<String>> aliases,
                Map<String, List<String>> formerPaths, LinkedHashMap<String, LinkedSpec> out,
                List<Redirect> redirects, List<Diagnostic> redirectDiags) {

    LinkState withRedirects(List<Redirect> r, List<Diagnostic> d) {
        return new LinkState(ix, bySource, ordered, renames, extra, contested, wordCounts, from, backlinks, relations,
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
