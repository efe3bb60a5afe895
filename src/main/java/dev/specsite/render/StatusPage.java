package dev.specsite.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.specsite.config.People;
import dev.specsite.index.Dashboards.StaleSpec;
import dev.specsite.index.NaturalOrder;
import dev.specsite.index.SiteIndex;
import dev.specsite.index.StatusGroup;
import dev.specsite.index.Term;
import dev.specsite.link.LinkedSpec;
import dev.specsite.render.DashboardViews.DetailOption;
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
            List<LinkedSpec> specs = byDetail(g.specs());
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                rows.add(row(ctx, specs.get(i), g.slug(), i >= VISIBLE_ROWS));
            }
            blocks.add(new StatusBlock(g.slug(), g.label(), g.count(), max == 0 ? 0 : g.count() * 100 / Math.max(1, max),
                    TaxonomyPages.termPath("status", g.slug(), 1), rows, Math.max(0, g.count() - VISIBLE_ROWS),
                    details(g.slug(), specs)));
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

    /**
     * The specs of one status grouped by the qualifier of their status as written, newest-looking
     * first ({@code Swift 5.10} before {@code Swift 5.9}), those without one last; in index order within.
     */
    static List<LinkedSpec> byDetail(List<LinkedSpec> specs) {
        if (specs.stream().noneMatch(s -> s.spec().status().detail() != null)) {
            return specs;
        }
        List<LinkedSpec> out = new ArrayList<>(specs);
        out.sort((a, b) -> {
            String x = a.spec().status().detail();
            String y = b.spec().status().detail();
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : 1) : -1;
            }
            return NaturalOrder.INSTANCE.compare(y.toLowerCase(Locale.ROOT), x.toLowerCase(Locale.ROOT));
        });
        return out;
    }

    /** The qualifiers of one status's specs (in {@link #byDetail} order), each with its count and filter link. */
    static List<DetailOption> details(String slug, List<LinkedSpec> specs) {
        java.util.Map<String, int[]> counts = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        for (LinkedSpec s : specs) {
            String d = s.spec().status().detail();
            if (d != null) {
                String key = d.toLowerCase(Locale.ROOT);
                counts.computeIfAbsent(key, k -> new int[1])[0]++;
                labels.putIfAbsent(key, d);
            }
        }
        List<DetailOption> out = new ArrayList<>();
        counts.forEach((key, n) -> out.add(new DetailOption(key, labels.get(key), PATH + "?status="
                + java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8) + "&detail=" + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8), n[0])));
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
        String detail = s.spec().status().detail();
        return new Row(card, statusKey, owners.toString(), tags, text, hidden,
                ctx.index().lastChange().get(s.id()), detail == null ? "" : detail.toLowerCase(Locale.ROOT));
    }
}
