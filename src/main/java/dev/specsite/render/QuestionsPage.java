package dev.specsite.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.specsite.index.IsoDays;
import dev.specsite.index.QuestionGroup;
import dev.specsite.index.SiteIndex;
import dev.specsite.link.LinkedSpec;
import dev.specsite.link.Urls;
import dev.specsite.model.OpenQuestion;
import dev.specsite.render.DashboardViews.AgedQuestion;
import dev.specsite.render.DashboardViews.QuestionBucket;

/**
 * {@code questions.html}: every unresolved question, grouped by spec, each linking to its place;
 * the same questions by owner ({@code questions-by-owner.html}) and by age
 * ({@code questions-by-age.html}), switchable without script.
 */
public final class QuestionsPage {
    /** The page's path. */
    public static final String PATH = "questions.html";
    /** By owner. */
    public static final String BY_OWNER = "questions-by-owner.html";
    /** By age. */
    public static final String BY_AGE = "questions-by-age.html";

    /** Specs a page of the by-spec view lists. */
    static final int SPECS_PER_PAGE = 100;
    /** Questions an owner or an age band lists (the oldest first for ages); the rest are counted. */
    static final int PER_BUCKET = 200;

    private static final int[][] AGE_BANDS = {{0, 30}, {31, 90}, {91, 180}, {181, 365}, {366, Integer.MAX_VALUE}};
    private static final String[] AGE_LABELS = {"Up to 30 days", "31–90 days", "91–180 days", "181–365 days",
            "Over a year"};

    private QuestionsPage() {
    }

    public static List<Output> render(RenderContext ctx) {
        SiteIndex index = ctx.index();
        List<Output> out = new ArrayList<>();
        // by spec, SPECS_PER_PAGE specs a page
        List<QuestionGroup> all = index.questionGroups();
        int pages = Math.max(1, (all.size() + SPECS_PER_PAGE - 1) / SPECS_PER_PAGE);
        for (int n = 1; n <= pages; n++) {
            String path = bySpecPath(n);
            List<Views.QuestionGroupView> groups = new ArrayList<>();
            for (QuestionGroup g : all.subList((n - 1) * SPECS_PER_PAGE, Math.min(all.size(), n * SPECS_PER_PAGE))) {
                groups.add(new Views.QuestionGroupView(ctx.card(g.spec(), path), questions(g, path), g.resolved()));
            }
            List<DashboardViews.PageLink> links = new ArrayList<>();
            for (int i = 1; i <= pages; i++) {
                links.add(new DashboardViews.PageLink(i, bySpecPath(i), i == n));
            }
            DashboardViews.Pager pager = new DashboardViews.Pager(n, pages, n > 1 ? bySpecPath(n - 1) : null,
                    n < pages ? bySpecPath(n + 1) : null, links);
            out.add(page(ctx, path, "spec", groups, List.of(), pager));
        }

        // by owner: one bucket per person, under the owner taxonomy's label, linking to the person's page
        Map<String, String> labels = new java.util.HashMap<>();
        index.owners().forEach(t -> labels.put(t.slug(), t.label()));
        Map<String, List<AgedQuestion>> byOwner = new TreeMap<>();
        for (QuestionGroup g : index.questionGroups()) {
            java.util.Set<String> people = new java.util.LinkedHashSet<>();
            g.spec().spec().owners().forEach(o -> people.add(index.people().who(o).slug()));
            if (people.isEmpty()) {
                people.add(null);
            }
            for (String slug : people) {
                for (Views.QuestionView q : questions(g, BY_OWNER)) {
                    byOwner.computeIfAbsent(slug == null ? "" : slug, k -> new ArrayList<>()).add(aged(ctx, g.spec(), q, BY_OWNER));
                }
            }
        }
        List<QuestionBucket> owners = new ArrayList<>();
        byOwner.forEach((slug, qs) -> owners.add(slug.isEmpty() ? bucket("(no owner)", "owner-no-owner", null, qs)
                : bucket(labels.get(slug), "owner-" + slug, TaxonomyPages.ownerPage(slug), qs)));
        owners.sort(Comparator.comparing(QuestionBucket::label, String.CASE_INSENSITIVE_ORDER));
        owners.sort(Comparator.comparingInt((QuestionBucket b) -> -(b.questions().size() + b.more())));
        out.add(page(ctx, BY_OWNER, "owner", List.of(), owners, null));

        // by age
        Map<Integer, List<AgedQuestion>> byAge = new LinkedHashMap<>();
        List<AgedQuestion> undated = new ArrayList<>();
        for (QuestionGroup g : index.questionGroups()) {
            for (Views.QuestionView q : questions(g, BY_AGE)) {
                AgedQuestion a = aged(ctx, g.spec(), q, BY_AGE);
                if (a.ageDays() == null) {
                    undated.add(a);
                    continue;
                }
                for (int b = 0; b < AGE_BANDS.length; b++) {
                    if (a.ageDays() >= AGE_BANDS[b][0] && a.ageDays() <= AGE_BANDS[b][1]) {
                        byAge.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
                    }
                }
            }
        }
        List<QuestionBucket> ages = new ArrayList<>();
        for (int b = AGE_BANDS.length - 1; b >= 0; b--) {
            List<AgedQuestion> qs = byAge.get(b);
            if (qs != null) {
                qs.sort(Comparator.comparingInt((AgedQuestion a) -> -a.ageDays()));
                ages.add(bucket(AGE_LABELS[b], "age-" + b, null, qs));
            }
        }
        if (!undated.isEmpty()) {
            ages.add(bucket("Undated", "age-undated", null, undated));
        }
        out.add(page(ctx, BY_AGE, "age", List.of(), ages, null));
        return out;
    }

    private static Output page(RenderContext ctx, String path, String view, List<Views.QuestionGroupView> bySpec,
                               List<QuestionBucket> buckets, DashboardViews.Pager pager) {
        SiteIndex index = ctx.index();
        return ctx.page("questions.ftlh", path, "Open questions", "questions",
                new DashboardViews.QuestionsDashboard(view, bySpec, buckets, index.unresolvedQuestions(),
                        index.resolvedQuestions(), index.questionGroups().size(), index.asOf(), pager));
    }

    /** A bucket of at most {@link #PER_BUCKET} questions, the others counted. */
    private static QuestionBucket bucket(String label, String anchor, String url, List<AgedQuestion> qs) {
        return new QuestionBucket(label, anchor, url, qs.subList(0, Math.min(qs.size(), PER_BUCKET)),
                Math.max(0, qs.size() - PER_BUCKET));
    }

    /** The path of page {@code n} of the by-spec view. */
    static String bySpecPath(int n) {
        return n <= 1 ? PATH : "questions-" + n + ".html";
    }

    private static List<Views.QuestionView> questions(QuestionGroup g, String from) {
        String page = Urls.relative(from, g.spec().page());
        List<Views.QuestionView> qs = new ArrayList<>();
        for (OpenQuestion q : g.unresolved()) {
            qs.add(new Views.QuestionView(q.text(), page + "#" + q.anchor(), q.anchor(), q.line(), false, q.kind()));
        }
        return qs;
    }

    private static AgedQuestion aged(RenderContext ctx, LinkedSpec spec, Views.QuestionView q, String from) {
        return new AgedQuestion(q, ctx.card(spec, from), age(ctx.index(), spec));
    }

    /** Days from the date a spec's questions are aged from to the as-of date, or {@code null}. */
    static Integer age(SiteIndex index, LinkedSpec spec) {
        String since = index.questionSince().get(spec.id());
        if (since == null || index.asOf() == null) {
            return null;
        }
        return (int) Math.max(0, IsoDays.day(index.asOf()) - IsoDays.day(since));
    }
}
