package dev.specsite.render;

import java.util.ArrayList;
import java.util.List;

import dev.specsite.index.SiteIndex;
import dev.specsite.index.StatusGroup;
import dev.specsite.index.Term;
import dev.specsite.link.LinkedSpec;
import dev.specsite.link.Urls;
import dev.specsite.model.Spec;
import dev.specsite.render.DashboardViews.PageLink;
import dev.specsite.render.DashboardViews.Pager;
import dev.specsite.render.DashboardViews.TermEntry;

/**
 * The pages of taxonomy terms — one per status, owner and tag, paginated — and the term lists
 * {@code owners.html} and {@code tags.html}. They work without script.
 */
public final class TaxonomyPages {
    /** Specs per page of a term. */
    static final int PAGE_SIZE = 200;

    private TaxonomyPages() {
    }

    /** The first page of a person's owner page. */
    public static String ownerPage(String slug) {
        return termPath("owners", slug, 1);
    }

    /** The path of page {@code n} (1-based) of a term. */
    public static String termPath(String taxonomy, String slug, int n) {
        return taxonomy + "/" + slug + (n <= 1 ? "" : "-" + n) + ".html";
    }

    public static List<Output> render(RenderContext ctx) {
        SiteIndex index = ctx.index();
        List<Output> out = new ArrayList<>();
        for (StatusGroup g : index.statusGroups()) {
            out.addAll(term(ctx, "status", new Term(g.slug(), g.label(), g.specs(), null, List.of()), "status.html",
                    "Status"));
        }
        for (Term t : index.owners()) {
            out.addAll(term(ctx, "owners", t, "owners.html", "Owners"));
        }
        for (Term t : index.tags()) {
            out.addAll(term(ctx, "tags", t, "tags.html", "Tags"));
        }
        out.add(list(ctx, "owners", "Owner", "Owners", index.owners()));
        if (!index.tags().isEmpty()) {
            out.add(list(ctx, "tags", "Tag", "Tags", index.tags()));
        }
        return out;
    }

    private static List<Output> term(RenderContext ctx, String taxonomy, Term t, String indexPath, String indexLabel) {
        String slug = t.slug();
        String label = t.label();
        List<LinkedSpec> specs = t.specs();
        List<String> spellings = t.spellings().size() > 1 || !t.spellings().contains(label) ? t.spellings() : List.of();
        List<Output> out = new ArrayList<>();
        int pages = Math.max(1, (specs.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        for (int n = 1; n <= pages; n++) {
            String path = termPath(taxonomy, slug, n);
            List<Views.SpecCard> cards = new ArrayList<>();
            for (LinkedSpec s : specs.subList((n - 1) * PAGE_SIZE, Math.min(specs.size(), n * PAGE_SIZE))) {
                cards.add(ctx.card(s, path));
            }
            List<PageLink> links = new ArrayList<>();
            for (int i = 1; i <= pages; i++) {
                links.add(new PageLink(i, Urls.relative(path, termPath(taxonomy, slug, i)), i == n));
            }
            Pager pager = new Pager(n, pages, n > 1 ? Urls.relative(path, termPath(taxonomy, slug, n - 1)) : null,
                    n < pages ? Urls.relative(path, termPath(taxonomy, slug, n + 1)) : null, links);
            String nav = taxonomy.equals("status") ? "status" : taxonomy;
            out.add(ctx.page("term.ftlh", path, label + (n > 1 ? " (page " + n + ")" : ""), nav,
                    new DashboardViews.TermPage(taxonomy, label, slug, specs.size(), cards, pager,
                            Urls.relative(path, indexPath), indexLabel, t.url(), spellings)));
        }
        return out;
    }

    private static Output list(RenderContext ctx, String taxonomy, String singular, String plural, List<Term> terms) {
        String path = taxonomy + ".html";
        List<TermEntry> entries = new ArrayList<>();
        List<Term> sorted = new ArrayList<>(terms);
        sorted.sort((a, b) -> a.count() != b.count() ? Integer.compare(b.count(), a.count())
                : a.label().compareToIgnoreCase(b.label()));
        for (Term t : sorted) {
            List<Views.StatusCount> counts = new ArrayList<>();
            for (StatusGroup g : ctx.index().statusGroups()) {
                int c = (int) t.specs().stream().filter(s -> SiteIndex.statusKey(s.spec()).equals(g.slug())).count();
                if (c > 0) {
                    counts.add(new Views.StatusCount(g.slug(), g.label(), c, null, c * 100 / t.count()));
                }
            }
            int questions = t.specs().stream().map(LinkedSpec::spec).map(Spec::unresolvedQuestions)
                    .mapToInt(List::size).sum();
            List<String> also = t.spellings().stream().filter(w -> !w.equals(t.label())).toList();
            entries.add(new TermEntry(t.label(), termPath(taxonomy, t.slug(), 1), t.count(), counts, questions, also));
        }
        return ctx.page("terms.ftlh", path, plural, taxonomy, new DashboardViews.TermList(singular, plural, entries));
    }

}
