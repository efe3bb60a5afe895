package dev.specsite.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.specsite.diag.Diagnostic;
import dev.specsite.model.Spec;

/** The redirects of a linked site: which former and short paths get a redirect page, and which are reported. */
final class RedirectPlan {

    private RedirectPlan() {
    }

    /**
     * Redirect pages: former ids and pages, and one short path per id. A path that a spec page or an
     * earlier redirect takes, as a file or a folder, is skipped and reported; former pages go first,
     * in path order, then the short paths of ids, then those of aliases, each in order.
     */
    static List<Redirect> of(List<LinkedSpec> specs, LookupTables ix, ReservedPaths reserved, List<Diagnostic> diags) {
        OutputPaths taken = new OutputPaths();
        specs.forEach(s -> taken.claim(s.page(), s.spec().id()));
        List<Redirect> out = new ArrayList<>();
        for (Map.Entry<String, String> e : ix.formerPages.entrySet()) {
            String from = e.getKey();
            String other = reserved.claim(from) != null ? "the theme" : taken.claim(from, e.getValue());
            if (other != null) {
                Spec s = ix.byId.get(e.getValue());
                diags.add(Diagnostic.warning(s.source(), aliasLine(s), 1, "redirect-conflict",
                        "the former page " + from + " of " + s.id() + " is taken by a page of " + other
                                + "; no redirect written", "remove the alias, or rename the spec that took the path"));
                continue;
            }
            out.add(new Redirect(from, e.getValue(), ix.renamedPages.contains(from) ? "rename" : "alias"));
        }
        Set<String> aliases = new TreeSet<>();
        for (LinkedSpec s : specs) {
            aliases.addAll(s.aliases());
        }
        List<String> shortIds = new ArrayList<>(new TreeSet<>(ix.byId.keySet())); // ids before aliases
        shortIds.addAll(aliases);
        for (String id : shortIds) {
            String target = ix.lowerIds.get(id.toLowerCase(Locale.ROOT));
            if (target == null) {
                continue;
            }
            String from = Urls.shortPath(id);
            if (from == null || reserved.claim(from) != null) {
                Spec s = ix.byId.get(target);
                if (!s.idDerived() || !id.equals(target)) { // a declared id or an alias claimed it
                    diags.add(Diagnostic.warning(s.source(), id.equals(target) ? idLine(s) : aliasLine(s), 1,
                            "reserved-path", "the short path " + Urls.slug(id) + "/ of " + id
                                    + " is a folder the site uses itself; no short redirect written",
                            "the spec keeps its page " + Urls.specPage(target) + "; choose another id to have a short path"));
                }
                continue;
            }
            String other = taken.claim(from, target);
            if (other != null) {
                if (!other.equals(target)) { // (the same spec's short path in another case needs no word)
                    Spec s = ix.byId.get(target);
                    diags.add(Diagnostic.warning(s.source(), id.equals(target) ? idLine(s) : aliasLine(s), 1,
                            "redirect-conflict", "the short path " + Urls.served(from) + " of " + id
                                    + " is taken by a page of " + other + "; no short redirect written",
                            "remove the alias of " + other + " that takes the path"));
                }
                continue;
            }
            out.add(new Redirect(from, target, id.equals(target) ? "short" : "alias"));
        }
        out.sort((a, b) -> a.from().compareTo(b.from()));
        return out;
    }

    /** The line of a spec's id in its metadata (1 when the id is in the heading or derived). */
    static int idLine(Spec s) {
        return s.metadata().stream().filter(m -> "id".equals(m.field())).mapToInt(m -> m.line()).findFirst()
                .orElse(1);
    }

    /** The line of a spec's {@code aliases} (1 without one). */
    static int aliasLine(Spec s) {
        return s.metadata().stream().filter(m -> "aliases".equals(m.field())).mapToInt(m -> m.line()).findFirst()
                .orElse(1);
    }

    /** Whether some of the diagnostics are of a source file. */
    static boolean names(List<Diagnostic> diags, String source) {
        for (Diagnostic d : diags) {
            if (d.file().equals(source)) {
                return true;
            }
        }
        return false;
    }
}
