package dev.specsite.render;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.specsite.diag.Diagnostic;
import dev.specsite.link.LinkedSpec;
import dev.specsite.link.Redirect;
import dev.specsite.link.ResolvedRelation;
import dev.specsite.model.Spec;

/**
 * What a long-running builder (a preview server) remembers of its last successful render, in
 * memory only: the specs the pages were made from and the paths of the other pages. From it the
 * next render works out which pages what changed can reach, and keeps the rest without building
 * their views:
 * <ul>
 * <li>a spec page shows its own spec and the title, status and page of its neighbours (links both
 * ways, relations both ways, which the graph also shows), so it can change only when its spec or a
 * neighbour's changed;</li>
 * <li>the dashboards and the JSON read no spec's body (its HTML, word count, list of outgoing links),
 * so they are kept when every spec is the same apart from its body, and the site's diagnostics, redirects and dates are the same.</li>
 * </ul>
 * Anything global (the chrome, the as-of date, the number of specs) changing makes everything a
 * candidate again. Pages that are candidates still go through the fingerprint check of {@link PageMemo}.
 */
public final class RenderMemory {

    private Snapshot last;

    /** The state after one render; {@link #commit} it once the site was written. */
    public record Snapshot(String key, List<LinkedSpec> specs, Map<String, String> lastChange,
                           List<Diagnostic> diagnostics, List<Redirect> redirects, List<String> otherPages) {
    }

    /**
     * What to render this time.
     *
     * @param candidates ids of the specs whose pages may have changed; {@code null}: all
     * @param keepOthers whether every page other than spec pages is as last time
     * @param otherPages the paths of those pages, last time
     */
    record Plan(Set<String> candidates, boolean keepOthers, List<String> otherPages) {
        static final Plan ALL = new Plan(null, false, List.of());

        boolean candidate(String id) {
            return candidates == null || candidates.contains(id);
        }
    }

    /** Records a render whose files were written. */
    public synchronized void commit(Snapshot snapshot) {
        last = snapshot;
    }

    static String key(RenderContext ctx) {
        return ctx.chromeKey() + "\n" + ctx.index().asOf();
    }

    synchronized Plan plan(RenderContext ctx, List<Redirect> redirects) {
        Snapshot prev = last;
        List<LinkedSpec> now = ctx.index().specs();
        if (prev == null || !prev.key().equals(key(ctx)) || prev.specs().size() != now.size()) {
            return Plan.ALL;
        }
        Map<String, String> lastChange = ctx.index().lastChange();
        Set<String> changed = new HashSet<>();
        boolean summariesSame = true;
        for (int i = 0; i < now.size(); i++) {
            LinkedSpec a = prev.specs().get(i);
            LinkedSpec b = now.get(i);
            if (!a.id().equals(b.id())) {
                return Plan.ALL; // a spec came or went
            }
            boolean sameDate = java.util.Objects.equals(prev.lastChange().get(a.id()), lastChange.get(b.id()));
            if (a == b && sameDate) {
                continue;
            }
            if (!sameDate || !a.equals(b)) {
                changed.add(a.id());
                summariesSame &= sameDate && withoutBody(a).equals(withoutBody(b));
            }
        }
        Set<String> candidates = new HashSet<>(changed);
        for (int i = 0; i < now.size(); i++) {
            if (changed.contains(now.get(i).id())) {
                addNeighbours(prev.specs().get(i), candidates);
                addNeighbours(now.get(i), candidates);
            }
        }
        boolean keepOthers = summariesSame && prev.redirects().equals(redirects)
                && prev.diagnostics().equals(ctx.index().diagnostics());
        return new Plan(candidates, keepOthers, prev.otherPages());
    }

    private static void addNeighbours(LinkedSpec s, Set<String> into) {
        into.addAll(s.linksTo());
        into.addAll(s.linksFrom());
        for (ResolvedRelation r : s.relations()) {
            if (r.targetId() != null) {
                into.add(r.targetId());
            }
        }
    }

    /** The spec without what only its own page shows (body, word count, outgoing link list, hash). */
    private static LinkedSpec withoutBody(LinkedSpec s) {
        Spec p = s.spec();
        Spec summary = new Spec(p.source(), p.id(), p.idDerived(), p.title(), p.status(), p.owners(), p.created(),
                p.updated(), p.tags(), p.aliases(), p.metadata(), p.sections(), p.requirements(), p.checklist(),
                p.questions(), p.approvals(), p.relations(), List.of(), p.summary(), 0, "", p.userStories(), p.risks(),
                p.related());
        return new LinkedSpec(summary, s.page(), dev.specsite.link.Body.of(""), s.linksTo(), s.linksFrom(), s.backlinks(), s.relations(),
                s.brokenLinks(), s.diagnostics(), s.aliases(), s.formerPaths());
    }
}
