package dev.specsite.render;

import java.util.ArrayList;
import java.util.List;

import dev.specsite.index.QuestionGroup;
import dev.specsite.link.Urls;
import dev.specsite.model.OpenQuestion;

/** {@code questions.html}: every unresolved question, grouped by spec, each linking to its place. */
public final class QuestionsPage {
    /** The page's path. */
    public static final String PATH = "questions.html";

    private QuestionsPage() {
    }

    public static Output render(RenderContext ctx) {
        List<Views.QuestionGroupView> groups = new ArrayList<>();
        for (QuestionGroup g : ctx.index().questionGroups()) {
            String page = Urls.relative(PATH, g.spec().page());
            List<Views.QuestionView> qs = new ArrayList<>();
            for (OpenQuestion q : g.unresolved()) {
                qs.add(new Views.QuestionView(q.text(), page + "#" + q.anchor(), q.anchor(), q.line(), false, q.kind()));
            }
            groups.add(new Views.QuestionGroupView(ctx.card(g.spec(), PATH), qs, g.resolved()));
        }
        return ctx.page("questions.ftlh", PATH, "Open questions", "questions",
                new Views.QuestionsView(groups, ctx.index().unresolvedQuestions(), ctx.index().resolvedQuestions(),
                        groups.size()));
    }
}
