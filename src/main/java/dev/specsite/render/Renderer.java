package dev.specsite.render;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import dev.specsite.link.LinkedSpec;
import dev.specsite.link.Redirect;

/**
 * Stage 5, render: every page kind into memory. Spec pages render in parallel; nothing is written
 * here, so a failure leaves the previous site untouched.
 */
public final class Renderer {

    private Renderer() {
    }

    /**
     * Renders the whole site.
     *
     * @param progress told how many spec pages are done, now and then
     */
    public static List<Output> render(RenderContext ctx, String generator, IntConsumer progress) {
        return render(ctx, generator, List.of(), progress);
    }

    /**
     * Renders the whole site with its redirect pages and redirect rules.
     *
     * @param redirects the redirects of the link stage
     * @param progress  told how many spec pages are done, now and then
     */
    public static List<Output> render(RenderContext ctx, String generator, List<Redirect> redirects,
                                      IntConsumer progress) {
        List<Output> out = new ArrayList<>();
        for (Redirect r : redirects) {
            out.add(RedirectPage.render(ctx, r));
        }
        out.addAll(RedirectRules.render(ctx, redirects));
        out.add(HomePage.render(ctx));
        out.add(StatusPage.render(ctx));
        out.add(QuestionsPage.render(ctx));
        out.add(SpecsApi.render(ctx, generator));
        AtomicInteger done = new AtomicInteger();
        List<LinkedSpec> specs = ctx.index().specs();
        List<Output> pages = specs.parallelStream().map(s -> {
            Output o = SpecPage.render(ctx, s);
            int n = done.incrementAndGet();
            if (n % 500 == 0) {
                progress.accept(n);
            }
            return o;
        }).toList();
        out.addAll(pages);
        return out;
    }
}
