package dev.specsite.render;

import java.util.List;

import dev.specsite.model.Approval;
import dev.specsite.model.Requirement;

/** View records of the dashboards (status, owners, tags, questions, requirements, approvals, timeline, problems). */
public final class DashboardViews {
    private DashboardViews() {
    }

    /** A link to another page of a paginated list. */
    public record PageLink(int number, String url, boolean current) {
    }

    /** Where a page stands in a paginated list. */
    public record Pager(int page, int pages, String prev, String next, List<PageLink> links) {
        public Pager {
            links = List.copyOf(links);
        }
    }

    /** A spec row with the data the filter needs; {@code owners}: the slugs of its people, {@code |}-separated. */
    public record Row(Views.SpecCard card, String statusKey, String owners, String tags, String text, boolean hidden,
                      String lastChange, String detailKey) {
    }

    /**
     * One status of the dashboard: its rows grouped by the qualifier of their status as written
     * ({@code details}: each qualifier, with the link that filters the dashboard to it, and its count).
     */
    public record StatusBlock(String slug, String label, int count, int barPercent, String allUrl, List<Row> rows,
                              int hiddenRows, List<DetailOption> details) {
        public StatusBlock {
            rows = List.copyOf(rows);
            details = List.copyOf(details);
        }
    }

    /** A qualifier of a status ({@code Release 5.1}) with the dashboard filtered to it and its count. */
    public record DetailOption(String value, String label, String url, int count) {
    }

    /** An option of a filter select. */
    public record Option(String value, String label, int count) {
    }

    /**
     * A person of the owner filter's list: {@code value} the name the field takes, {@code key} the
     * slug rows carry in {@code data-owners}, {@code spellings} the other names that find the person,
     * lower-cased and {@code |}-separated.
     */
    public record OwnerOption(String value, String key, String spellings, int count) {
    }

    /** A stale spec. */
    public record StaleRow(Views.SpecCard card, String since, int days, int limit) {
    }

    /** The status dashboard. */
    public record StatusDashboard(List<StatusBlock> blocks, int total, List<Option> statuses, List<OwnerOption> owners,
                                  List<Option> tags, List<StaleRow> stale, String asOf) {
        public StatusDashboard {
            blocks = List.copyOf(blocks);
            statuses = List.copyOf(statuses);
            owners = List.copyOf(owners);
            tags = List.copyOf(tags);
            stale = List.copyOf(stale);
        }
    }

    /** A taxonomy's list of terms (owners.html, tags.html). */
    public record TermList(String name, String plural, List<TermEntry> terms) {
        public TermList {
            terms = List.copyOf(terms);
        }
    }

    /** One term with its counts per status; {@code also}: other spellings of an owner. */
    public record TermEntry(String label, String url, int count, List<Views.StatusCount> statuses, int openQuestions,
                            List<String> also) {
        public TermEntry {
            statuses = List.copyOf(statuses);
            also = List.copyOf(also);
        }
    }

    /**
     * The page of one term (a status, an owner, a tag); for an owner, {@code profile} is the person's
     * URL from the people file (or {@code null}) and {@code spellings} how the specs write them, when
     * that is other than the label.
     */
    public record TermPage(String taxonomy, String label, String slug, int count, List<Views.SpecCard> specs,
                           Pager pager, String indexUrl, String indexLabel, String profile, List<String> spellings) {
        public TermPage {
            specs = List.copyOf(specs);
            spellings = List.copyOf(spellings);
        }
    }

    /** A question in the by-owner and by-age views. */
    public record AgedQuestion(Views.QuestionView question, Views.SpecCard spec, Integer ageDays) {
    }

    /**
     * A group of questions under a heading (an owner, an age band); {@code more} were left out;
     * {@code url}: the owner's page, or {@code null}.
     */
    public record QuestionBucket(String label, String anchor, String url, List<AgedQuestion> questions, int more) {
        public QuestionBucket {
            questions = List.copyOf(questions);
        }
    }

    /** The open-questions page in its three arrangements. */
    public record QuestionsDashboard(String view, List<Views.QuestionGroupView> bySpec, List<QuestionBucket> buckets,
                                     int unresolved, int resolved, int specs, String asOf, Pager pager) {
        public QuestionsDashboard {
            bySpec = List.copyOf(bySpec);
            buckets = List.copyOf(buckets);
        }
    }

    /** Requirements and acceptance of one status. */
    public record RequirementStatus(String slug, String label, int specCount, int requirements, int acceptanceDone,
                                    int acceptanceTotal, int percent, List<SpecRequirements> specs) {
        public RequirementStatus {
            specs = List.copyOf(specs);
        }
    }

    /** One spec's requirements. */
    public record SpecRequirements(Views.SpecCard card, List<Requirement> requirements, String url) {
        public SpecRequirements {
            requirements = List.copyOf(requirements);
        }
    }

    /** The requirements index. */
    public record RequirementsDashboard(List<RequirementStatus> statuses, List<Views.SpecCard> unverified,
                                        int requirements, int acceptanceDone, int acceptanceTotal) {
        public RequirementsDashboard {
            statuses = List.copyOf(statuses);
            unverified = List.copyOf(unverified);
        }
    }

    /** One spec's sign-offs. */
    public record ApprovalRow(Views.SpecCard card, List<Approval> approvals, int signed, String contradiction) {
        public ApprovalRow {
            approvals = List.copyOf(approvals);
        }
    }

    /** A sign-off not given. */
    public record MissingSignoff(Views.SpecCard card, Approval approval) {
    }

    /** The approvals dashboard. */
    public record ApprovalsDashboard(List<ApprovalRow> contradictions, List<MissingSignoff> missing,
                                     List<ApprovalRow> specs, int signed, int total) {
        public ApprovalsDashboard {
            contradictions = List.copyOf(contradictions);
            missing = List.copyOf(missing);
            specs = List.copyOf(specs);
        }
    }

    /** A month of the timeline. */
    public record Month(String label, String anchor, List<TimelineRow> entries) {
        public Month {
            entries = List.copyOf(entries);
        }
    }

    /** A dated event. */
    public record TimelineRow(String date, String kind, Views.SpecCard card) {
    }

    /** The timeline. */
    public record Timeline(List<Month> months, int events) {
        public Timeline {
            months = List.copyOf(months);
        }
    }

    /** A diagnostic as shown. */
    public record Problem(int line, int column, String severity, String code, String message, String hint, String url) {
    }

    /** The problems of one file. */
    public record FileBlock(String file, Views.SpecCard spec, List<Problem> problems, int errors, int warnings) {
        public FileBlock {
            problems = List.copyOf(problems);
        }
    }

    /** The problems page. */
    public record ProblemsDashboard(List<FileBlock> files, int errors, int warnings, int infos) {
        public ProblemsDashboard {
            files = List.copyOf(files);
        }
    }
}
