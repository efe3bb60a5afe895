package dev.specsite.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.specsite.config.SiteConfig;
import dev.specsite.config.StatusVocabulary;
import dev.specsite.diag.Diagnostic;
import dev.specsite.diag.Severity;
import dev.specsite.link.LinkedSite;
import dev.specsite.link.LinkedSpec;
import dev.specsite.model.Spec;

/**
 * Stage 4, index: the groupings every dashboard shows, computed once and in Java (where they are
 * tested), never in templates.
 *
 * @param specs          every spec, in natural id order
 * @param statusGroups   one group per status of the vocabulary (empty ones included), then unknown and none
 * @param recent         the most recently updated specs
 * @param questionGroups specs with unresolved questions, in natural id order
 * @param unresolvedQuestions total unresolved questions
 * @param resolvedQuestions   total answered questions
 * @param missingSignoffs     sign-offs not given (pending or missing) across all specs
 * @param diagnostics    every diagnostic of the build, sorted
 * @param errors         how many diagnostics are errors
 * @param warnings       how many are warnings
 */
public record SiteIndex(List<LinkedSpec> specs, List<StatusGroup> statusGroups, List<LinkedSpec> recent,
                        List<QuestionGroup> questionGroups, int unresolvedQuestions, int resolvedQuestions,
                        int missingSignoffs, List<Diagnostic> diagnostics, int errors, int warnings) {

    public SiteIndex {
        specs = List.copyOf(specs);
        statusGroups = List.copyOf(statusGroups);
        recent = List.copyOf(recent);
        questionGroups = List.copyOf(questionGroups);
        diagnostics = List.copyOf(diagnostics);
    }

    /** Specs in natural id order. */
    public static final Comparator<LinkedSpec> BY_ID = (a, b) -> NaturalOrder.INSTANCE.compare(a.id(), b.id());

    /** Builds the index of a linked site. */
    public static SiteIndex of(LinkedSite site, SiteConfig config) {
        List<LinkedSpec> specs = new ArrayList<>(site.specs());
        specs.sort(BY_ID);

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
            String label = switch (e.getKey()) {
                case "unknown" -> "Unrecognised status";
                case "none" -> "No status";
                default -> config.statuses().bySlug(e.getKey()).map(StatusVocabulary.Entry::label).orElse(e.getKey());
            };
            if ((e.getKey().equals("unknown") || e.getKey().equals("none")) && e.getValue().isEmpty()) {
                continue;
            }
            groups.add(new StatusGroup(e.getKey(), label, e.getValue()));
        }

        List<LinkedSpec> recent = new ArrayList<>(specs);
        recent.removeIf(s -> s.spec().lastDate() == null);
        recent.sort(Comparator.comparing((LinkedSpec s) -> s.spec().lastDate()).reversed().thenComparing(BY_ID));
        if (recent.size() > config.recentCount()) {
            recent = recent.subList(0, config.recentCount());
        }

        List<QuestionGroup> questions = new ArrayList<>();
        int unresolved = 0;
        int resolved = 0;
        int missing = 0;
        for (LinkedSpec s : specs) {
            var open = s.spec().unresolvedQuestions();
            int done = s.spec().questions().size() - open.size();
            unresolved += open.size();
            resolved += done;
            if (!open.isEmpty()) {
                questions.add(new QuestionGroup(s, open, done));
            }
            missing += (int) s.spec().approvals().stream().filter(a -> !a.signed()).count();
        }
        List<Diagnostic> diags = site.allDiagnostics();
        int errors = (int) diags.stream().filter(d -> d.severity() == Severity.ERROR).count();
        int warnings = (int) diags.stream().filter(d -> d.severity() == Severity.WARNING).count();
        return new SiteIndex(specs, groups, recent, questions, unresolved, resolved, missing, diags, errors, warnings);
    }

    /** The status group key of a spec: its slug, {@code unknown} or {@code none}. */
    public static String statusKey(Spec s) {
        if (s.status().slug() != null) {
            return s.status().slug();
        }
        return s.status().declared() ? "unknown" : "none";
    }
}
