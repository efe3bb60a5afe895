package dev.specsite.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.specsite.config.People;
import dev.specsite.config.SiteConfig;
import dev.specsite.config.StatusVocabulary;
import dev.specsite.diag.Diagnostic;
import dev.specsite.diag.Severity;
import dev.specsite.index.Dashboards.ApprovalEntry;
import dev.specsite.index.Dashboards.FeedEntry;
import dev.specsite.index.Dashboards.FileProblems;
import dev.specsite.index.Dashboards.RequirementGroup;
import dev.specsite.index.Dashboards.StaleSpec;
import dev.specsite.index.Dashboards.TimelineEntry;
import dev.specsite.link.LinkedSite;
import dev.specsite.link.LinkedSpec;
import dev.specsite.link.Urls;
import dev.specsite.model.Approval;
import dev.specsite.model.Spec;
import dev.specsite.scan.GitDates;

/**
 * Stage 4, index: the groupings every dashboard shows, computed once and in Java (where they are
 * tested), never in templates. Dates are measured against {@link #asOf()}, a date taken from the
 * input (configuration, newest commit, or newest declared date), never the clock, so that the same
 * input gives the same site.
 *
 * @param specs          every spec, in natural id order
 * @param statusGroups   one group per status of the vocabulary (empty ones included), then unknown and none
 * @param owners         the owner taxonomy, by name
 * @param tags           the tag taxonomy, by name
 * @param recent         the most recently updated specs
 * @param questionGroups specs with unresolved questions, in natural id order
 * @param unresolvedQuestions total unresolved questions
 * @param resolvedQuestions   total answered questions
 * @param missingSignoffs     sign-offs not given (pending or missing) across all specs
 * @param asOf           the date ages and staleness are measured at (ISO), or {@code null} when no date is known
 * @param lastChange     spec id → date of its last change (declared updated/created, else Git)
 * @param questionSince  spec id → date its questions are aged from (declared created, else Git, else updated)
 * @param stale          specs unchanged for longer than their status allows, oldest first
 * @param requirementGroups requirements and acceptance rolled up by status
 * @param approvals      specs with sign-offs, with contradictions found
 * @param timeline       creations and updates, newest first
 * @param feed           the specs with a time (declared, else from Git), newest update first
 * @param problems       diagnostics grouped by file
 * @param diagnostics    every diagnostic of the build, sorted
 * @param errors         how many diagnostics are errors
 * @param warnings       how many are warnings
 * @param people         who owners are (the people file and the automatic rules)
 */
public record SiteIndex(List<LinkedSpec> specs, List<StatusGroup> statusGroups, List<Term> owners, List<Term> tags,
                        List<LinkedSpec> recent, List<QuestionGroup> questionGroups, int unresolvedQuestions,
                        int resolvedQuestions, int missingSignoffs, String asOf, Map<String, String> lastChange,
                        Map<String, String> questionSince, List<StaleSpec> stale,
                        List<RequirementGroup> requirementGroups, List<ApprovalEntry> approvals,
                        List<TimelineEntry> timeline, List<FeedEntry> feed, List<FileProblems> problems,
                        List<Diagnostic> diagnostics, int errors, int warnings, People people) {

    public SiteIndex {
        specs = List.copyOf(specs);
        statusGroups = List.copyOf(statusGroups);
        owners = List.copyOf(owners);
        tags = List.copyOf(tags);
        recent = List.copyOf(recent);
        questionGroups = List.copyOf(questionGroups);
        lastChange = unmodifiable(lastChange);
        questionSince = unmodifiable(questionSince);
        stale = List.copyOf(stale);
        requirementGroups = List.copyOf(requirementGroups);
        approvals = List.copyOf(approvals);
        timeline = List.copyOf(timeline);
        feed = List.copyOf(feed);
        problems = List.copyOf(problems);
        diagnostics = List.copyOf(diagnostics);
    }

    private static final Class<?> UNMODIFIABLE_MAP = java.util.Collections.unmodifiableMap(new HashMap<>()).getClass();

    /**
     * A map this record may keep: a copy, made unmodifiable; a map another index made so is taken as
     * it is (its copy is held by nobody else), as {@link #swapped} hands the maps of the last index.
     */
    private static Map<String, String> unmodifiable(Map<String, String> m) {
        return m.getClass() == UNMODIFIABLE_MAP ? m : java.util.Collections.unmodifiableMap(new HashMap<>(m));
    }

    /** Specs in natural id order. */
    public static final Comparator<LinkedSpec> BY_ID = (a, b) -> NaturalOrder.INSTANCE.compare(a.id(), b.id());


    /** Builds the index of a linked site without a people file. */
    public static SiteIndex of(LinkedSite site, SiteConfig config, GitDates git) {
        return of(site, config, git, People.NONE);
    }

    /** Builds the index of a linked site whose owners are these people. */
    public static SiteIndex of(LinkedSite site, SiteConfig config, GitDates git, People people) {
        return of(site, checked(site.specs(), git), config, git, people);
    }

    /** Each spec with the checks that need the whole picture (see {@link SpecChecks#withChecks}), in the same order. */
    static List<LinkedSpec> checked(List<LinkedSpec> linked, GitDates git) {
        return linked.parallelStream().map(s -> SpecChecks.withChecks(s, git)).toList();
    }

    /** Builds the index of a linked site whose specs, with their checks, are {@code checked}. */
    static SiteIndex of(LinkedSite site, List<LinkedSpec> checked, SiteConfig config, GitDates git, People people) {
        List<LinkedSpec> specs = new ArrayList<>(checked);
        specs.sort(BY_ID);
        // what needs the specs alone is made on the other core meanwhile
        java.util.concurrent.CompletableFuture<Aside> aside = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> aside(site, specs, people));

        // status taxonomy
        Map<String, List<LinkedSpec>> byStatus = new LinkedHashMap<>();
        for (StatusVocabulary.Entry e : config.statuses().entries()) {
            byStatus.put(e.slug(), new ArrayList<>());
        }
        byStatus.put("unknown", new ArrayList<>());
        byStatus.put("none", new ArrayList<>());
        for (LinkedSpec s : specs) {
            byStatus.get(statusKey(s.spec())).add(s);
        }
        List<StatusGroup> groups = new ArrayList<>();
        for (Map.Entry<String, List<LinkedSpec>> e : byStatus.entrySet()) {
            if ((e.getKey().equals("unknown") || e.getKey().equals("none")) && e.getValue().isEmpty()) {
                continue;
            }
            groups.add(new StatusGroup(e.getKey(), statusLabel(config, e.getKey()), e.getValue()));
        }

        // dates
        Map<String, String> lastChange = new HashMap<>();
        Map<String, String> questionSince = new HashMap<>();
        String newestDeclared = null;
        for (LinkedSpec s : specs) {
            GitDates.FileDates g = git.files().get(s.spec().source());
            String declared = s.spec().lastDate();
            String last = declared != null ? declared : g == null ? null : g.modified();
            if (last != null) {
                lastChange.put(s.id(), last);
            }
            String since = s.spec().created() != null ? s.spec().created()
                    : g != null ? g.created() : s.spec().updated();
            if (since != null) {
                questionSince.put(s.id(), since);
            }
            if (declared != null && (newestDeclared == null || declared.compareTo(newestDeclared) > 0)) {
                newestDeclared = declared;
            }
        }
        String asOf = config.values().getOrDefault("specsite.as-of", "");
        if (asOf.isBlank()) {
            asOf = git.headDate() != null ? max(git.headDate(), newestDeclared) : newestDeclared;
        }

        List<LinkedSpec> recent = recent(specs, lastChange, config.recentCount());

        // questions and sign-offs
        List<QuestionGroup> questions = new ArrayList<>();
        int unresolved = 0;
        int resolved = 0;
        int missing = 0;
        List<ApprovalEntry> approvals = new ArrayList<>();
        for (LinkedSpec s : specs) {
            var open = s.spec().unresolvedQuestions();
            int done = s.spec().questions().size() - open.size();
            unresolved += open.size();
            resolved += done;
            if (!open.isEmpty()) {
                questions.add(new QuestionGroup(s, open, done));
            }
            List<Approval> as = s.spec().approvals();
            if (!as.isEmpty()) {
                int signed = SpecChecks.signed(as);
                missing += as.size() - signed;
                String contradiction = SpecChecks.contradiction(s.spec(), signed, as.size());
                approvals.add(new ApprovalEntry(s, as, signed, contradiction));
            }
        }

        // staleness
        List<StaleSpec> stale = new ArrayList<>();
        if (asOf != null) {
            long now = IsoDays.day(asOf);
            Map<String, Integer> limits = new HashMap<>(); // by status slug; -1: none
            Map<String, Integer> ages = new HashMap<>(); // by date: specs share dates
            for (LinkedSpec s : specs) {
                String slug = s.spec().status().slug();
                String since = lastChange.get(s.id());
                if (slug == null || since == null) {
                    continue;
                }
                int limit = limits.computeIfAbsent(slug, k -> {
                    String text = config.values().get("specsite.stale." + k);
                    return text == null || text.isBlank() ? -1 : Integer.parseInt(text.strip());
                });
                if (limit < 0) {
                    continue;
                }
                int days = ages.computeIfAbsent(since, d -> (int) (now - IsoDays.day(d)));
                if (days > limit) {
                    stale.add(new StaleSpec(s, since, days, limit));
                }
            }
            stale.sort((x, y) -> Integer.compare(y.days(), x.days())); // stable: specs in id order stay so
        }

        // requirements rolled up by status
        List<RequirementGroup> reqGroups = new ArrayList<>();
        for (StatusGroup g : groups) {
            List<LinkedSpec> with = new ArrayList<>();
            int reqs = 0;
            int done = 0;
            int total = 0;
            for (LinkedSpec s : g.specs()) {
                int accepted = s.spec().acceptanceTotal();
                if (!s.spec().requirements().isEmpty() || accepted > 0) {
                    with.add(s);
                    reqs += s.spec().requirements().size();
                    done += s.spec().acceptanceDone();
                    total += accepted;
                }
            }
            reqGroups.add(new RequirementGroup(g.slug(), g.label(), with, reqs, done, total));
        }

        List<FeedEntry> feed = FeedEntries.of(specs, git);
        Diagnostic undated = FeedEntries.undated(specs.size(), feed, git);

        Aside a;
        try {
            a = aside.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        List<Diagnostic> diagnostics = a.diagnostics();
        List<FileProblems> problems = a.problems();
        if (undated != null) { // an info: the counts of errors and warnings stay
            List<Diagnostic> all = new ArrayList<>(diagnostics);
            all.add(undated);
            all.sort(Diagnostic.ORDER);
            diagnostics = all;
            problems = byFile(all, specs);
        }
        return new SiteIndex(specs, groups, a.owners(), a.tags(), recent, questions, unresolved, resolved, missing, asOf,
                lastChange, questionSince, stale, reqGroups, approvals, a.timeline(), feed, problems, diagnostics,
                a.errors(), a.warnings(), people);
    }

    /** The parts of an index made from the specs alone (see {@link #aside}). */
    private record Aside(List<Term> owners, List<Term> tags, List<TimelineEntry> timeline, List<FileProblems> problems,
                         List<Diagnostic> diagnostics, int errors, int warnings) {
    }

    /**
     * The owner ({@link Owners}) and tag taxonomies, the timeline and every diagnostic (sorted, and by file), of specs
     * in id order: made on another thread while {@link #of} makes the rest.
     */
    private static Aside aside(LinkedSite site, List<LinkedSpec> specs, People people) {
        // owner and tag taxonomies
        List<Term> owners = Owners.of(specs, people);
        List<Term> tags = taxonomy(specs, Spec::tags);

        // timeline
        List<TimelineEntry> timeline = new ArrayList<>();
        for (LinkedSpec s : specs) {
            if (s.spec().created() != null) {
                timeline.add(new TimelineEntry(s.spec().created(), "created", s));
            }
            if (s.spec().updated() != null && !s.spec().updated().equals(s.spec().created())) {
                timeline.add(new TimelineEntry(s.spec().updated(), "updated", s));
            }
        }
        // newest first, "updated" before "created"; a stable sort, so specs stay in id order within a day
        timeline.sort((x, y) -> {
            int c = y.date().compareTo(x.date());
            return c != 0 ? c : y.kind().compareTo(x.kind());
        });

        // every diagnostic, then by file
        List<Diagnostic> diags = new ArrayList<>(site.diagnostics());
        specs.forEach(s -> diags.addAll(s.diagnostics()));
        diags.sort(Diagnostic.ORDER);
        List<FileProblems> problems = byFile(diags, specs);

        int errors = (int) diags.stream().filter(d -> d.severity() == Severity.ERROR).count();
        int warnings = (int) diags.stream().filter(d -> d.severity() == Severity.WARNING).count();
        return new Aside(owners, tags, timeline, problems, diags, errors, warnings);
    }

    /** Diagnostics (sorted) grouped by file, each file with its spec. */
    private static List<FileProblems> byFile(List<Diagnostic> diags, List<LinkedSpec> specs) {
        Map<String, LinkedSpec> bySource = new HashMap<>();
        specs.forEach(s -> bySource.put(s.spec().source(), s));
        Map<String, List<Diagnostic>> byFile = new TreeMap<>();
        for (Diagnostic d : diags) {
            byFile.computeIfAbsent(d.file(), k -> new ArrayList<>()).add(d);
        }
        List<FileProblems> problems = new ArrayList<>();
        byFile.forEach((f, ds) -> problems.add(new FileProblems(f, bySource.get(f), ds)));
        return problems;
    }

    /**
     * The {@code count} specs changed last, newest first, specs of one day in id order: the specs
     * (in id order) are read once into a heap of the best {@code count}, not sorted whole.
     */
    private static List<LinkedSpec> recent(List<LinkedSpec> specs, Map<String, String> lastChange, int count) {
        String[] dates = new String[specs.size()];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = lastChange.get(specs.get(i).id());
        }
        // the head is the worst kept: the oldest date, of those the one latest in id order
        java.util.PriorityQueue<Integer> best = new java.util.PriorityQueue<>((a, b) -> {
            int c = dates[a].compareTo(dates[b]);
            return c != 0 ? c : Integer.compare(b, a);
        });
        for (int i = 0; i < dates.length && count > 0; i++) {
            if (dates[i] != null) {
                best.add(i);
                if (best.size() > count) {
                    best.poll();
                }
            }
        }
        List<Integer> order = new ArrayList<>(best);
        order.sort((a, b) -> {
            int c = dates[b].compareTo(dates[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return order.stream().map(specs::get).toList();
    }

    /**
     * Whether two specs are the same to this index: equal in everything {@link #of} and
     * {@link SpecChecks#withChecks} read of a spec (its id, source, status, dates, owners, tags, metadata, questions,
     * sign-offs, diagnostics, how many requirements and acceptance criteria, how many of those are
     * checked). Whatever else differs (the body, the links, the title, the summary) the index only
     * carries along. A new reading of a spec in this index must be added here.
     */
    static boolean sameForIndex(LinkedSpec a, LinkedSpec b) {
        Spec x = a.spec();
        Spec y = b.spec();
        return a.id().equals(b.id()) && x.source().equals(y.source()) && x.status().equals(y.status())
                && java.util.Objects.equals(x.created(), y.created()) && java.util.Objects.equals(x.updated(), y.updated())
                && x.owners().equals(y.owners()) && x.tags().equals(y.tags()) && x.metadata().equals(y.metadata())
                && x.questions().equals(y.questions()) && x.approvals().equals(y.approvals())
                && x.requirements().size() == y.requirements().size()
                && x.acceptanceTotal() == y.acceptanceTotal() && x.acceptanceDone() == y.acceptanceDone()
                && a.diagnostics().equals(b.diagnostics());
    }

    /**
     * Kept for speed alone ({@link #of} gives the same index): a small fraction of the time of making the
     * index afresh after an edit of one body (docs/performance.md, "Stage states").
     * <p>
     * This index with specs put in place of their former selves, each {@link #sameForIndex} the same
     * as the one it replaces (keys: the former, by identity): what {@link #of} would make of the site
     * with the new specs, without grouping and sorting again.
     */
    SiteIndex swapped(Map<LinkedSpec, LinkedSpec> swap) {
        java.util.function.UnaryOperator<LinkedSpec> to = s -> s == null ? null : swap.getOrDefault(s, s);
        return new SiteIndex(swapped(specs, to),
                swapped(statusGroups, g -> {
                    List<LinkedSpec> l = swapped(g.specs(), to);
                    return l == g.specs() ? g : new StatusGroup(g.slug(), g.label(), l);
                }),
                swapped(owners, t -> swappedTerm(t, to)),
                swapped(tags, t -> swappedTerm(t, to)),
                swapped(recent, to),
                swapped(questionGroups, q -> to.apply(q.spec()) == q.spec() ? q
                        : new QuestionGroup(to.apply(q.spec()), q.unresolved(), q.resolved())),
                unresolvedQuestions, resolvedQuestions, missingSignoffs, asOf, lastChange, questionSince,
                swapped(stale, e -> to.apply(e.spec()) == e.spec() ? e
                        : new StaleSpec(to.apply(e.spec()), e.since(), e.days(), e.limit())),
                swapped(requirementGroups, g -> {
                    List<LinkedSpec> l = swapped(g.specs(), to);
                    return l == g.specs() ? g : new RequirementGroup(g.slug(), g.label(), l, g.requirements(),
                            g.acceptanceDone(), g.acceptanceTotal());
                }),
                swapped(approvals, e -> to.apply(e.spec()) == e.spec() ? e
                        : new ApprovalEntry(to.apply(e.spec()), e.approvals(), e.signed(), e.contradiction())),
                swapped(timeline, e -> to.apply(e.spec()) == e.spec() ? e
                        : new TimelineEntry(e.date(), e.kind(), to.apply(e.spec()))),
                swapped(feed, e -> to.apply(e.spec()) == e.spec() ? e
                        : new FeedEntry(to.apply(e.spec()), e.published(), e.updated())),
                swapped(problems, p -> to.apply(p.spec()) == p.spec() ? p
                        : new FileProblems(p.file(), to.apply(p.spec()), p.diagnostics())),
                diagnostics, errors, warnings, people);
    }

    private static Term swappedTerm(Term t, java.util.function.UnaryOperator<LinkedSpec> to) {
        List<LinkedSpec> l = swapped(t.specs(), to);
        return l == t.specs() ? t : t.withSpecs(l);
    }

    /** The list with each element mapped; the list itself when no element changed. */
    private static <T> List<T> swapped(List<T> list, java.util.function.UnaryOperator<T> f) {
        Object[] out = null;
        for (int i = 0; i < list.size(); i++) {
            T t = list.get(i);
            T u = f.apply(t);
            if (u != t && out == null) {
                out = list.toArray();
            }
            if (out != null) {
                out[i] = u;
            }
        }
        @SuppressWarnings("unchecked")
        List<T> made = out == null ? list : (List<T>) List.of(out);
        return made;
    }

    private static String max(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    private static List<Term> taxonomy(List<LinkedSpec> specs, java.util.function.Function<Spec, List<String>> terms) {
        Map<String, List<LinkedSpec>> byKey = new TreeMap<>();
        Map<String, String> labels = new HashMap<>();
        for (LinkedSpec s : specs) {
            for (String t : terms.apply(s.spec())) {
                String key = t.toLowerCase(Locale.ROOT);
                labels.putIfAbsent(key, t);
                List<LinkedSpec> l = byKey.computeIfAbsent(key, k -> new ArrayList<>());
                if (l.isEmpty() || l.get(l.size() - 1) != s) { // a spec naming one owner twice is listed once
                    l.add(s);
                }
            }
        }
        List<Term> out = new ArrayList<>();
        Map<String, Integer> slugs = new HashMap<>();
        for (Map.Entry<String, List<LinkedSpec>> e : byKey.entrySet()) {
            String slug = Urls.slug(e.getKey()).toLowerCase(Locale.ROOT);
            int n = slugs.merge(slug, 1, Integer::sum);
            out.add(new Term(n == 1 ? slug : slug + "-" + n, labels.get(e.getKey()), e.getValue()));
        }
        return out;
    }

    /** The label of a status group key. */
    public static String statusLabel(SiteConfig config, String key) {
        return switch (key) {
            case "unknown" -> "Unrecognised status";
            case "none" -> "No status";
            default -> config.statuses().bySlug(key).map(StatusVocabulary.Entry::label).orElse(key);
        };
    }

    /** The status group key of a spec: its slug, {@code unknown} or {@code none}. */
    public static String statusKey(Spec s) {
        if (s.status().slug() != null) {
            return s.status().slug();
        }
        return s.status().declared() ? "unknown" : "none";
    }
}
