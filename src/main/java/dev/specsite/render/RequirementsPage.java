package dev.specsite.render;

import java.util.ArrayList;
import java.util.List;

import dev.specsite.index.Dashboards.RequirementGroup;
import dev.specsite.link.LinkedSpec;
import dev.specsite.render.DashboardViews.RequirementStatus;
import dev.specsite.render.DashboardViews.SpecRequirements;

/**
 * {@code requirements.html}: every requirement with its spec and status, and acceptance progress
 * rolled up by status, so that "approved but nothing of its acceptance checked" stands out.
 */
public final class RequirementsPage {
    /** The page's path. */
    public static final String PATH = "requirements.html";

    private RequirementsPage() {
    }

    public static Output render(RenderContext ctx) {
        List<RequirementStatus> statuses = new ArrayList<>();
        List<Views.SpecCard> unverified = new ArrayList<>();
        int reqs = 0;
        int done = 0;
        int total = 0;
        for (RequirementGroup g : ctx.index().requirementGroups()) {
            List<SpecRequirements> specs = new ArrayList<>();
            for (LinkedSpec s : g.specs()) {
                Views.SpecCard card = ctx.card(s, PATH);
                specs.add(new SpecRequirements(card, s.spec().requirements(), card.url()));
                if ((g.slug().equals("approved") || g.slug().equals("implemented"))
                        && s.spec().acceptanceTotal() > 0 && s.spec().acceptanceDone() == 0) {
                    unverified.add(card);
                }
            }
            reqs += g.requirements();
            done += g.acceptanceDone();
            total += g.acceptanceTotal();
            statuses.add(new RequirementStatus(g.slug(), g.label(), g.specs().size(), g.requirements(),
                    g.acceptanceDone(), g.acceptanceTotal(),
                    g.acceptanceTotal() == 0 ? 0 : g.acceptanceDone() * 100 / g.acceptanceTotal(), specs));
        }
        return ctx.page("requirements.ftlh", PATH, "Requirements", "requirements",
                new DashboardViews.RequirementsDashboard(statuses, unverified, reqs, done, total));
    }
}
