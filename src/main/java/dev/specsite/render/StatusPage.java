package dev.specsite.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.specsite.config.People;
import dev.specsite.index.Dashboards.StaleSpec;
import dev.specsite.index.SiteIndex;
import dev.specsite.index.StatusGroup;
import dev.specsite.index.Term;
import dev.specsite.link.LinkedSpec;
import dev.specsite.render.DashboardViews.Option;
import dev.specsite.render.DashboardViews.OwnerOption;
import dev.specsite.render.DashboardViews.Row;
import dev.specsite.render.DashboardViews.StaleRow;
import dev.specsite.render.DashboardViews.StatusBlock;

/**
 * {@code status.html}: a chart of counts per status, stale specs, then one table per status. Each
 * table shows its first rows; the rest are in the page for the client-side filter and on the
 * status's own page ({@link TaxonomyPages}) for readers without script.
 */
public final class StatusPage {
    /** The page's path. */
    public static final String PATH = "status.html";
    /** Rows shown per status before "all N". */
    static final int VISIBLE_ROWS = 50;

    private StatusPage() {
    }

    public static Output render(RenderContext ctx) {
        SiteIndex index = ctx.index();
        int max = index.statusGroups().stream().mapToInt(StatusGroup::count).max().orElse(1);
        List<StatusBlock> blocks = new ArrayList<>();
        List<Option> statuses = new ArrayList<>();
        for (StatusGroup g : index.statusGroups()) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < g.specs().size(); i++) {
                rows.add(row(ctx, g.specs().get(i), g.slug(), i >= VISIBLE_ROWS));
            }
            blocks.add(new StatusBlock(g.slug(), g.label(), g.count(), max == 0 ? 0 : g.count() * 100 / Math.max(1, max),
                    TaxonomyPages.termPath("status", g.slug(), 1), rows, Math.max(0, g.count() - VISIBLE_ROWS)));
            if (g.count() > 0) {
                statuses.add(new Option(g.slug(), g.label(), g.count()));
            }
        }
        List<OwnerOption> owners = new ArrayList<>();
        for (Term t : index.owners()) {
            java.util.Set<String> others = new java.util.TreeSet<>();
            t.spellings().forEach(w -> others.add(w.toLowerCase(Locale.ROOT)));
            others.remove(t.label().toLowerCase(Locale.ROOT));
            owners.add(new OwnerOption(t.label(), t.slug(), String.join("|", others), t.count()));
        }
        List<Option> tags = options(index.tags());
        List<StaleRow> stale = new ArrayList<>();
        for (StaleSpec s : index.stale()) {
            stale.add(new StaleRow(ctx.card(s.spec(), PATH), s.since(), s.days(), s.limit()));
        }
        return ctx.page("status.ftlh", PATH, "Status", "status", new DashboardViews.StatusDashboard(blocks,
                index.specs().size(), statuses, owners, tags, stale, index.asOf()));
    }

    static List<Option> options(List<Term> terms) {
        List<Option> out = new ArrayList<>();
        for (Term t : terms) {
            out.add(new Option(t.label().toLowerCase(Locale.ROOT), t.label(), t.count()));
        }
        return out;
    }

    static Row row(RenderContext ctx, LinkedSpec s, String statusKey, boolean hidden) {
        Views.SpecCard card = ctx.card(s, PATH);
        StringBuilder owners = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (String o : s.spec().owners()) {
            People.Who who = ctx.index().people().who(o);
            owners.append(owners.length() == 0 ? "" : "|").append(who.slug());
            names.append(' ').append(o).append(who.name() == null ? "" : " " + who.name());
        }
        String tags = String.join("|", s.spec().tags()).toLowerCase(Locale.ROOT);
        String text = (s.id() + " " + s.spec().title() + names + " " + String.join(" ", s.spec().tags()))
                .toLowerCase(Locale.ROOT);
        return new Row(card, statusKey, owners.toString(), tags, text, hidden,
                ctx.index().lastChange().get(s.id()));
    }
}
