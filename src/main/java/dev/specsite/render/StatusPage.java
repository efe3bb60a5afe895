package dev.specsite.render;

import java.util.ArrayList;
import java.util.List;

import dev.specsite.index.StatusGroup;

/** {@code status.html}: a chart of counts per status, then one table per status. */
public final class StatusPage {
    /** The page's path. */
    public static final String PATH = "status.html";

    private StatusPage() {
    }

    public static Output render(RenderContext ctx) {
        List<Views.StatusSection> sections = new ArrayList<>();
        int total = ctx.index().specs().size();
        for (StatusGroup g : ctx.index().statusGroups()) {
            sections.add(new Views.StatusSection(g.slug(), g.label(), g.count(),
                    total == 0 ? 0 : g.count() * 100 / total,
                    g.specs().stream().map(s -> ctx.card(s, PATH)).toList()));
        }
        return ctx.page("status.ftlh", PATH, "Status", "status", new Views.DashboardView(sections, total));
    }
}
