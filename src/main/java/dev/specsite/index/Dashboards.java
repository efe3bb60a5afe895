package dev.specsite.index;

import java.util.List;

import dev.specsite.diag.Diagnostic;
import dev.specsite.link.LinkedSpec;
import dev.specsite.model.Approval;

/** The records of the dashboards that go beyond status: staleness, requirements, approvals, timeline, problems. */
public final class Dashboards {
    private Dashboards() {
    }

    /**
     * A spec that has not changed for longer than its status allows.
     *
     * @param spec  the spec
     * @param since the date of its last change (declared, else from Git)
     * @param days  days from then to the as-of date
     * @param limit the limit for its status
     */
    public record StaleSpec(LinkedSpec spec, String since, int days, int limit) {
    }

    /**
     * Requirements and acceptance rolled up for one status.
     *
     * @param slug            status slug
     * @param label           status label
     * @param specs           specs of that status with requirements or acceptance criteria
     * @param requirements    requirements in those specs
     * @param acceptanceDone  acceptance criteria checked
     * @param acceptanceTotal acceptance criteria in all
     */
    public record RequirementGroup(String slug, String label, List<LinkedSpec> specs, int requirements,
                                   int acceptanceDone, int acceptanceTotal) {
        public RequirementGroup {
            specs = List.copyOf(specs);
        }
    }

    /**
     * The sign-offs of one spec.
     *
     * @param spec          the spec
     * @param approvals     its sign-off lines
     * @param signed        how many are given
     * @param contradiction what contradicts its status ({@code null} when nothing does)
     */
    public record ApprovalEntry(LinkedSpec spec, List<Approval> approvals, int signed, String contradiction) {
        public ApprovalEntry {
            approvals = List.copyOf(approvals);
        }
    }

    /**
     * A dated event of the timeline.
     *
     * @param date ISO date
     * @param kind {@code created} or {@code updated}
     * @param spec the spec
     */
    public record TimelineEntry(String date, String kind, LinkedSpec spec) {
    }

    /**
     * A spec as an entry of the feed, with its times as instants in UTC ({@code 2026-03-04T10:15:30Z}).
     * Each is the date the spec declares, at the time of the file's commit on that day when Git has one
     * (at midnight UTC when not); without a declared date, the time of the file's first or last commit.
     *
     * @param spec      the spec
     * @param published when it was created (declared Created, else its first commit), or {@code null}
     * @param updated   when it last changed (declared Updated, else Created, else its last commit)
     */
    public record FeedEntry(LinkedSpec spec, String published, String updated) {
    }

    /**
     * The diagnostics of one file.
     *
     * @param file        source path
     * @param spec        the spec of that file, or {@code null}
     * @param diagnostics its diagnostics, by line
     */
    public record FileProblems(String file, LinkedSpec spec, List<Diagnostic> diagnostics) {
        public FileProblems {
            diagnostics = List.copyOf(diagnostics);
        }
    }
}
