package dev.specsite.render;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;


/**
 * Stage 5, render: every page kind, handed one by one to a sink (the writer) as soon as it is
 * rendered, so that the site is never held in memory whole. Spec pages render in parallel; the
 * sink must accept files from several threads.
 */
public final class Renderer {

    private Renderer() {
    }

    /**
     * Renders the whole site.
     *
     * @param sink     takes each rendered file
     * @param progress told how many spec pages are done, now and then
     */
    public static void render(RenderContext ctx, String generator, Consumer<Output> sink, IntConsumer progress) {
        List<Output> fixed = new ArrayList<>();
        fixed.add(HomePage.render(ctx));
        fixed.add(StatusPage.render(ctx));
        fixed.addAll(QuestionsPage.render(ctx));
        fixed.add(QuestionsApi.render(ctx));
        fixed.addAll(TaxonomyPages.render(ctx));
        fixed.add(RequirementsPage.render(ctx));
        fixed.add(ApprovalsPage.render(ctx));
        fixed.add(TimelinePage.render(ctx));
        fixed.add(FeedPage.render(ctx));
        fixed.add(ProblemsPage.render(ctx));
        fixed.add(SpecsApi.render(ctx, generator));
        fixed.forEach(sink);
        AtomicInteger done = new AtomicInteger();
        ctx.index().specs().parallelStream().forEach(s -> {
            sink.accept(SpecPage.render(ctx, s));
            int n = done.incrementAndGet();
            if (n % 500 == 0) {
                progress.accept(n);
            }
        });
    }
}
