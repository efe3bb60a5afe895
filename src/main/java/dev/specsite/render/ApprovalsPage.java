package dev.specsite.render;

import java.util.ArrayList;
import java.util.List;

import dev.specsite.index.Dashboards.ApprovalEntry;
import dev.specsite.model.Approval;
import dev.specsite.render.DashboardViews.ApprovalRow;
import dev.specsite.render.DashboardViews.MissingSignoff;

/** {@code approvals.html}: sign-offs per spec, the ones not given, and statuses they contradict. */
public final class ApprovalsPage {
    /** The page's path. */
    public static final String PATH = "approvals.html";

    private ApprovalsPage() {
    }

    public static Output render(RenderContext ctx) {
        List<ApprovalRow> contradictions = new ArrayList<>();
        List<MissingSignoff> missing = new ArrayList<>();
        List<ApprovalRow> rows = new ArrayList<>();
        int signed = 0;
        int total = 0;
        for (ApprovalEntry e : ctx.index().approvals()) {
            Views.SpecCard card = ctx.card(e.spec(), PATH);
            ApprovalRow row = new ApprovalRow(card, e.approvals(), e.signed(), e.contradiction());
            rows.add(row);
            if (e.contradiction() != null) {
                contradictions.add(row);
            }
            for (Approval a : e.approvals()) {
                if (!a.signed()) {
                    missing.add(new MissingSignoff(card, a));
                }
            }
            signed += e.signed();
            total += e.approvals().size();
        }
        return ctx.page("approvals.ftlh", PATH, "Approvals", "approvals",
                new DashboardViews.ApprovalsDashboard(contradictions, missing, rows, signed, total));
    }
}
