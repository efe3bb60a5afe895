package dev.specsite.index;

import java.util.ArrayList;
import java.util.List;

import dev.specsite.diag.Diagnostic;
import dev.specsite.link.LinkedSpec;
import dev.specsite.model.Approval;
import dev.specsite.model.Spec;
import dev.specsite.scan.GitDates;

/** The checks of a spec that need more than the spec: its sign-offs against its status, its dates against Git. */
final class SpecChecks {

    private SpecChecks() {
    }

    /** The spec with the checks that need the whole picture (sign-offs against status, dates against Git). */
    static LinkedSpec withChecks(LinkedSpec ls, GitDates git) {
        Spec s = ls.spec();
        GitDates.FileDates g = git.files().get(s.source());
        List<Diagnostic> more = new ArrayList<>();
        String contradiction = s.approvals().isEmpty() ? null : contradiction(s, signed(s.approvals()), s.approvals().size());
        if (contradiction != null) {
            more.add(Diagnostic.warning(s.source(), line(s, "status"), 1, "approval-contradiction", contradiction,
                    "record the missing sign-offs or correct the status"));
        }
        if (g != null && s.updated() != null && s.updated().compareTo(g.modified()) > 0) {
            more.add(Diagnostic.info(s.source(), line(s, "updated"), 1, "date-after-commit",
                    "declared updated date " + s.updated() + " is after the file's last commit (" + g.modified() + ")",
                    "check the date"));
        }
        if (more.isEmpty()) {
            return ls;
        }
        List<Diagnostic> all = new ArrayList<>(ls.diagnostics());
        all.addAll(more);
        all.sort(Diagnostic.ORDER);
        return ls.withDiagnostics(all);
    }

    static int signed(List<Approval> as) {
        int n = 0;
        for (Approval a : as) {
            if (a.signed()) {
                n++;
            }
        }
        return n;
    }

    static String contradiction(Spec s, int signed, int total) {
        String slug = s.status().slug();
        if (("approved".equals(slug) || "implemented".equals(slug)) && signed < total) {
            return "marked " + s.status().label() + " but " + (total - signed) + " of " + total + " sign-offs are not given";
        }
        return null;
    }

    private static int line(Spec s, String field) {
        return s.metadata().stream().filter(m -> field.equals(m.field())).mapToInt(m -> m.line()).findFirst().orElse(1);
    }
}
