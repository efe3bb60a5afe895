package dev.specsite.render;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import dev.specsite.link.LinkedSpec;
import dev.specsite.link.Redirect;
import dev.specsite.link.ResolvedRelation;
import dev.specsite.model.Spec;

/**
 * What the last successful render showed, as digests: small enough for a long-running builder (a
 * preview server) to keep and for the command line to keep on disk in its build cache. From it the
 * next render works out which pages what changed can reach, and keeps the rest without building
 * their views:
 * <ul>
 * <li>a spec page shows its own spec and the title, status and page of its neighbours (links both
 * ways, relations both ways, which the graph also shows), so it can change only when its spec
 * changed or a neighbour's summary did (a spec that got another id is a changed one, and so are
 * the specs that referred to its former id; an edit of a body changes no summary, and so no page
 * but its own: what a page shows of another spec's body, the context of a link, is in its own
 * backlinks);</li>
 * <li>the dashboards and the JSON read no spec's body (its HTML, word count, list of outgoing links),
 * so they are kept when every spec is the same apart from its body, and the site's diagnostics,
 * redirects and dates are the same.</li>
 * </ul>
 * A spec is "the same" when its digest is: its source path, id and content hash (a parse result is
 * a function of the file, the configuration and the tool version, and a change of the last two
 * empties the cache), its date, everything the link stage gave it and its body's resolutions.
 * Neighbours are taken from the new render only: a link or relation that went away changed the
 * other side's digest too. Anything global (the chrome, the as-of date, the number of specs)
 * changing makes everything a candidate again. Pages that are candidates are rendered; the writer
 * keeps a file whose bytes did not change.
 */
public record RenderState(Snapshot last, Map<LinkedSpec, Known> known, List<Redirect> knownRedirects,
                          long knownRedirectsDigest) {

    /*
     * known: the digests of the linked specs of the last plan, by identity: the link stage hands the
     * same objects again for specs nothing changed, which need no hashing then.
     * knownRedirects: the redirects of the last plan, with their digest (the link stage hands the same
     * list when they are the same).
     */

    /** Before any render. */
    public static final RenderState NONE = new RenderState(null, Map.of(), List.of(), Fingerprint.ofValues(List.of()));

    /** A spec's digest under a date. */
    record Known(String date, long digest) {
    }

    /**
     * The digests of one render, as the build cache keeps them.
     *
     * @param key         the chrome and the as-of date
     * @param ids         the spec ids, in the index's order
     * @param digests     per spec, the digest of everything its page reads of it
     * @param summaries   per spec, the digest of what the dashboards read of it
     * @param diagnostics the digest of the site's diagnostics
     * @param redirects   the digest of the redirects
     * @param otherPages  the paths of the pages that are not spec pages
     * @param dates       per spec, the dates its digest was made under (its last change and feed times)
     * @param diagnosticCounts per spec, how many diagnostics it had (more than the link stage gave it
     *                    when the index added checks: its digest is then of the index's copy)
     */
    public record Snapshot(String key, String[] ids, long[] digests, long[] summaries, long diagnostics,
                           long redirects, List<String> otherPages, String[] dates, int[] diagnosticCounts) {
        /** The same snapshot with the paths of the other pages the render made. */
        Snapshot withOtherPages(List<String> paths) {
            return new Snapshot(key, ids, digests, summaries, diagnostics, redirects, List.copyOf(paths), dates, diagnosticCounts);
        }
    }

    /**
     * What to render this time.
     *
     * @param candidates ids of the specs whose pages may have changed; {@code null}: all
     * @param keepOthers whether every page other than spec pages is as last time
     * @param otherPages the paths of those pages, last time
     * @param next       the state after this render, once it wrote the other pages ({@link #after})
     */
    public record Plan(Set<String> candidates, boolean keepOthers, List<String> otherPages, RenderState next) {
        /** Everything, remembering nothing (a check, which writes nothing). */
        public static final Plan ALL = new Plan(null, false, List.of(), NONE);

        /** Whether the page of this spec may have changed. */
        public boolean candidate(String id) {
            return candidates == null || candidates.contains(id);
        }

        /** The state after the render, which made these other pages (or kept them: {@link #otherPages}). */
        public RenderState after(List<String> madeOtherPages) {
            return next.last == null ? next : new RenderState(next.last.withOtherPages(madeOtherPages), next.known,
                    next.knownRedirects, next.knownRedirectsDigest);
        }
    }

    /**
     * The state of a render read back from the build cache: its digests, and the linked specs the
     * link stage made again, equal, from the state of the build that rendered it, so that the next
     * plan need not hash what did not change. A spec the index had added diagnostics to is left out:
     * its digest was of the index's copy, which has more diagnostics than the link stage's. The
     * redirects are the link stage's list, which it hands again when they are the same.
     */
    public static RenderState of(Snapshot s, java.util.Collection<LinkedSpec> linked, List<Redirect> redirects) {
        if (s == null) {
            return NONE;
        }
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < s.ids().length; i++) {
            at.put(s.ids()[i], i);
        }
        Map<LinkedSpec, Known> known = new java.util.IdentityHashMap<>();
        for (LinkedSpec l : linked) {
            Integer i = at.get(l.id());
            if (i != null && s.diagnosticCounts()[i] == l.diagnostics().size()) {
                known.put(l, new Known(s.dates()[i], s.digests()[i]));
            }
        }
        return new RenderState(s, known, redirects, s.redirects());
    }

    /** The state of a render read back from the build cache whose linked specs are not at hand. */
    public static RenderState of(Snapshot s) {
        return s == null ? NONE : new RenderState(s, Map.of(), List.of(), Fingerprint.ofValues(List.of()));
    }

    static String key(RenderContext ctx) {
        return ctx.chromeKey() + "\n" + ctx.index().asOf();
    }

    /** What to render this time, after the render this state is of; this state is not changed. */
    public Plan plan(RenderContext ctx, List<Redirect> redirects) {
        Snapshot prev = last;
        List<LinkedSpec> now = ctx.index().specs();
        int n = now.size();
        String[] ids = new String[n];
        String[] dates = dates(ctx.index());
        long[] digests = new long[n];
        long[] summaries = new long[n];
        Map<LinkedSpec, Known> seen = known;
        IntStream.range(0, n).parallel().forEach(i -> {
            LinkedSpec s = now.get(i);
            ids[i] = s.id();
            String date = dates[i];
            Known k = seen.get(s);
            digests[i] = k != null && java.util.Objects.equals(k.date(), date) ? k.digest() : digest(s, date);
        });
        long diagnostics = Fingerprint.ofValues(ctx.index().diagnostics());
        long redirected = redirects == knownRedirects ? knownRedirectsDigest : Fingerprint.ofValues(redirects);
        String key = key(ctx);

        boolean all = prev == null || !prev.key().equals(key) || prev.ids().length != n;
        Map<String, Integer> before = null; // made when the ids are not in the last render's order
        for (int i = 0; !all && before == null && i < n; i++) {
            if (!ids[i].equals(prev.ids()[i])) {
                before = new HashMap<>();
                for (int j = 0; j < n; j++) {
                    before.put(prev.ids()[j], j);
                }
            }
        }
        Set<String> changed = new HashSet<>();
        // changed specs whose neighbours' pages may show them otherwise: what a neighbour shows of a
        // spec (title, status, page) is part of its summary, so a spec whose summary is the same
        // (an edit of the body only) changed its own page and no other
        Set<String> shownOtherwise = new HashSet<>();
        for (int i = 0; !all && i < n; i++) {
            Integer j = before == null ? Integer.valueOf(i) : before.get(ids[i]);
            if (j != null && prev.digests()[j] == digests[i]) {
                summaries[i] = prev.summaries()[j];
                continue;
            }
            summaries[i] = summary(now.get(i), dates[i]);
            changed.add(ids[i]);
            // a new id (a spec renamed; its old page goes, as no render makes it) changes the dashboards
            if (j == null || prev.summaries()[j] != summaries[i]) {
                shownOtherwise.add(ids[i]);
            }
        }
        if (all) {
            IntStream.range(0, n).parallel().forEach(i -> summaries[i] = summary(now.get(i), dates[i]));
        }
        Map<LinkedSpec, Known> next = new java.util.IdentityHashMap<>();
        int[] diagnosticCounts = new int[n];
        for (int i = 0; i < n; i++) {
            diagnosticCounts[i] = now.get(i).diagnostics().size();
            next.put(now.get(i), new Known(dates[i], digests[i]));
        }
        if (all) {
            return new Plan(null, false, List.of(), new RenderState(new Snapshot(key, ids, digests, summaries,
                    diagnostics, redirected, List.of(), dates, diagnosticCounts), next, redirects, redirected));
        }
        Set<String> candidates = new HashSet<>(changed);
        for (LinkedSpec s : now) {
            if (shownOtherwise.contains(s.id())) {
                addNeighbours(s, candidates);
            }
        }
        // the dashboards read summaries only: kept when no changed spec changed its summary
        boolean keepOthers = shownOtherwise.isEmpty() && prev.redirects() == redirected && prev.diagnostics() == diagnostics;
        return new Plan(candidates, keepOthers, prev.otherPages(), new RenderState(new Snapshot(key, ids, digests,
                summaries, diagnostics, redirected, List.of(), dates, diagnosticCounts), next, redirects, redirected));
    }

    /**
     * Per spec of the index, in its order, the dates its pages show: its last change and, when the
     * feed has it, its feed times (which a commit can change on the same day).
     */
    static String[] dates(dev.specsite.index.SiteIndex index) {
        Map<String, String> times = new HashMap<>();
        for (dev.specsite.index.Dashboards.FeedEntry e : index.feed()) {
            times.put(e.spec().id(), e.published() + " " + e.updated());
        }
        List<LinkedSpec> specs = index.specs();
        String[] dates = new String[specs.size()];
        for (int i = 0; i < dates.length; i++) {
            String id = specs.get(i).id();
            String t = times.get(id);
            String d = index.lastChange().get(id);
            dates[i] = t == null ? d : d + " " + t;
        }
        return dates;
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

    /** Everything a spec page reads of its spec, in a digest. */
    static long digest(LinkedSpec s, String date) {
        Spec p = s.spec();
        return Fingerprint.ofValues(p.source(), s.id(), p.hash(), s.page(), date, s.linksTo(), s.linksFrom(),
                s.backlinks(), s.relations(), s.brokenLinks(), s.diagnostics(), s.aliases(), s.formerPaths(),
                s.body().fingerprint());
    }

    /**
     * What the dashboards read of a spec, in a digest: the spec without what only its own page shows
     * (body, word count, outgoing link list, hash), and its date.
     */
    static long summary(LinkedSpec s, String date) {
        Spec p = s.spec();
        Spec summary = new Spec(p.source(), p.id(), p.idDerived(), p.title(), p.status(), p.owners(), p.created(),
                p.updated(), p.tags(), p.aliases(), p.metadata(), p.sections(), p.requirements(), p.checklist(),
                p.questions(), p.approvals(), p.relations(), List.of(), p.summary(), 0, "", p.userStories(), p.risks(),
                p.related(), p.nonGoals(), p.titleAnchor());
        LinkedSpec without = new LinkedSpec(summary, s.page(), dev.specsite.link.Body.of(""), s.linksTo(), s.linksFrom(),
                s.backlinks(), s.relations(), s.brokenLinks(), s.diagnostics(), s.aliases(), s.formerPaths());
        return Fingerprint.ofValues(without, date);
    }
}
