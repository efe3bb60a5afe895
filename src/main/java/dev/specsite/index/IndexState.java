package dev.specsite.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.specsite.config.People;
import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.link.LinkedSite;
import dev.specsite.link.LinkedSpec;
import dev.specsite.scan.GitDates;

/**
 * What the last index was made of, for the next: the index, the configuration, Git dates and site
 * diagnostics it was made under, and the specs it was made of. When the next build's specs differ
 * from those only in what the index does not read (an edit of a body, a link, a title: see
 * {@link SiteIndex#sameForIndex}), under the same configuration, Git dates and site diagnostics,
 * the next index is the last one with each changed spec put in place of its former self, instead of
 * being grouped and sorted again: the same index {@link SiteIndex#of} would make. Anything else
 * makes the index afresh. Never changed: {@link #index} makes the next state.
 *
 * @param index           the index
 * @param config          the configuration it was made under
 * @param people          the people it was made with
 * @param git             the Git dates it was made with
 * @param siteDiagnostics the link stage's site diagnostics it holds
 * @param linked          the specs the link stage gave, in its order
 * @param checked         the same with the index's checks ({@link SpecChecks#withChecks}), in that order
 */
public record IndexState(SiteIndex index, SiteConfig config, People people, GitDates git,
                         List<Diagnostic> siteDiagnostics,
                         List<LinkedSpec> linked, List<LinkedSpec> checked) {

    /**
     * One index run's result.
     *
     * @param carried whether the last index was carried over (with the changed specs put in place)
     */
    public record Run(SiteIndex index, IndexState state, boolean carried) {
    }

    /** The index of a linked site without a people file: see {@link #index(IndexState, LinkedSite, SiteConfig, GitDates, People)}. */
    public static Run index(IndexState last, LinkedSite site, SiteConfig config, GitDates git) {
        return index(last, site, config, git, People.NONE);
    }

    /** The index of a linked site: the last one ({@code last}, or {@code null}) with what changed put in place, or made afresh. */
    public static Run index(IndexState last, LinkedSite site, SiteConfig config, GitDates git, People people) {
        Map<LinkedSpec, LinkedSpec> swap = new IdentityHashMap<>();
        List<LinkedSpec> nowChecked = last == null || config != last.config || !people.equals(last.people) || !git.equals(last.git)
                || !site.diagnostics().equals(last.siteDiagnostics) ? null : last.carried(site.specs(), git, swap);
        SiteIndex index;
        boolean carried = nowChecked != null;
        if (nowChecked == null) {
            nowChecked = SiteIndex.checked(site.specs(), git);
            index = SiteIndex.of(site, nowChecked, config, git, people);
        } else {
            index = swap.isEmpty() ? last.index : last.index.swapped(swap);
        }
        return new Run(index, new IndexState(index, config, people, git, site.diagnostics(), site.specs(), nowChecked),
                carried);
    }
    /**
     * The specs with their checks, in their order, taken from the last build where the link stage
     * handed the same spec again, each one checked again put into {@code swap} (under its former
     * self); or {@code null} when a spec is new, gone, or not the same to the index.
     */
    private List<LinkedSpec> carried(List<LinkedSpec> now, GitDates git, Map<LinkedSpec, LinkedSpec> swap) {
        if (now.size() != linked.size()) {
            return null;
        }
        Map<String, Integer> at = null; // made when the specs are not in the last build's order
        List<LinkedSpec> out = new ArrayList<>(now.size());
        for (int i = 0; i < now.size(); i++) {
            LinkedSpec s = now.get(i);
            int j = i;
            if (linked.get(i) != s && !linked.get(i).id().equals(s.id())) {
                if (at == null) {
                    at = new HashMap<>();
                    for (int k = 0; k < linked.size(); k++) {
                        at.put(linked.get(k).id(), k);
                    }
                }
                Integer k = at.get(s.id());
                if (k == null) {
                    return null;
                }
                j = k;
            }
            LinkedSpec before = linked.get(j);
            if (before == s) {
                out.add(checked.get(j));
            } else if (SiteIndex.sameForIndex(before, s)) {
                LinkedSpec c = SpecChecks.withChecks(s, git);
                swap.put(checked.get(j), c);
                out.add(c);
            } else {
                return null;
            }
        }
        return out;
    }
}
