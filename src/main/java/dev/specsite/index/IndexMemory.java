package dev.specsite.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.link.LinkedSite;
import dev.specsite.link.LinkedSpec;
import dev.specsite.scan.GitDates;

/**
 * The last index a long-lived builder (a preview server) made, and what it was made of. When the
 * next build's specs differ from those only in what the index does not read (an edit of a body, a
 * link, a title: see {@link SiteIndex#sameForIndex}), under the same configuration, Git dates and
 * site diagnostics, the next index is the last one with each changed spec put in place of its former
 * self, instead of being grouped and sorted again: the same index {@link SiteIndex#of} would make.
 * Anything else makes the index afresh.
 */
public final class IndexMemory {

    private SiteIndex last;
    private SiteConfig config;
    private GitDates git;
    private List<Diagnostic> siteDiagnostics;
    /** The specs the link stage gave last time, in its order. */
    private List<LinkedSpec> linked = List.of();
    /** The same with the index's checks ({@link SpecChecks#withChecks}), in that order. */
    private List<LinkedSpec> checked = List.of();

    /** The index of a linked site: the last one with what changed put in place, or made afresh. */
    public synchronized SiteIndex index(LinkedSite site, SiteConfig config, GitDates git) {
        Map<LinkedSpec, LinkedSpec> swap = new IdentityHashMap<>();
        List<LinkedSpec> nowChecked = last == null || config != this.config || !git.equals(this.git)
                || !site.diagnostics().equals(siteDiagnostics) ? null : carried(site.specs(), git, swap);
        SiteIndex index;
        if (nowChecked == null) {
            nowChecked = SiteIndex.checked(site.specs(), git);
            index = SiteIndex.of(site, nowChecked, config, git);
        } else {
            index = swap.isEmpty() ? last : last.swapped(swap);
        }
        last = index;
        this.config = config;
        this.git = git;
        siteDiagnostics = site.diagnostics();
        linked = site.specs();
        checked = nowChecked;
        return index;
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
