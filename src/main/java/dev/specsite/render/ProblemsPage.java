package dev.specsite.render;

import java.util.ArrayList;
import java.util.List;

import dev.specsite.diag.Diagnostic;
import dev.specsite.index.Dashboards.FileProblems;
import dev.specsite.render.DashboardViews.FileBlock;
import dev.specsite.render.DashboardViews.Problem;

/** {@code problems.html}: every diagnostic of the build, grouped by file, linking to the spec. */
public final class ProblemsPage {
    /** The page's path. */
    public static final String PATH = "problems.html";

    private ProblemsPage() {
    }

    public static Output render(RenderContext ctx) {
        List<FileBlock> files = new ArrayList<>();
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        for (FileProblems f : ctx.index().problems()) {
            Views.SpecCard card = f.spec() == null ? null : ctx.card(f.spec(), PATH);
            List<Problem> problems = new ArrayList<>();
            int e = 0;
            int w = 0;
            for (Diagnostic d : f.diagnostics()) {
                problems.add(new Problem(d.line(), d.column(), d.severity().label(), d.code(), d.message(), d.hint(),
                        card == null ? null : card.url()));
                switch (d.severity()) {
                    case ERROR -> e++;
                    case WARNING -> w++;
                    default -> infos++;
                }
            }
            errors += e;
            warnings += w;
            files.add(new FileBlock(f.file(), card, problems, e, w));
        }
        files.sort((a, b) -> a.errors() != b.errors() ? Integer.compare(b.errors(), a.errors())
                : a.warnings() != b.warnings() ? Integer.compare(b.warnings(), a.warnings()) : a.file().compareTo(b.file()));
        return ctx.page("problems.ftlh", PATH, "Problems", "problems",
                new DashboardViews.ProblemsDashboard(files, errors, warnings, infos));
    }

}
