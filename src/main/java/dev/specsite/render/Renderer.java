package dev.specsite.render;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import dev.specsite.link.LinkedSpec;
import dev.specsite.link.Redirect;

/**
 * Stage 5, render: the pages a build decided to render ({@link Pages}), handed one by one to a sink
 * (the writer) as soon as each is rendered, so that the site is never held in memory whole. Spec
 * pages render in parallel; the sink must accept files from several threads. Rendering reads only
 * what it is handed: every spec to render comes with its body.
 */
public final class Renderer {

    private Renderer() {
    }

    /**
     * What to render.
     *
     * @param specs  the specs whose pages to render, each with its body at hand
     * @param others whether to render the other pages (dashboards, feeds, the JSON, redirects)
     */
    public record Pages(List<LinkedSpec> specs, boolean others) {
    }

    /** Renders the whole site (every page of the index). */
    public static void render(RenderContext ctx, String generator, List<Redirect> redirects, RenderSink sink,
                              IntConsumer progress) {
        render(ctx, generator, redirects, new Pages(ctx.index().specs(), true), sink, progress);
    }

    /**
     * Renders the pages asked for.
     *
     * @param redirects the redirects of the link stage (old paths, short paths)
     * @param progress  told how many spec pages are done, now and then
     * @return the paths of the other pages made, in an order that is the same each time (empty when
     *         {@code pages.others()} is false)
     */
    public static List<String> render(RenderContext ctx, String generator, List<Redirect> redirects, Pages pages,
                                      RenderSink sink, IntConsumer progress) {
        List<String> otherPages = new ArrayList<>();
        if (pages.others()) {
            // every page kind, and every redirect page, on its own: rendered and written in parallel;
            // collected in this order, so that the snapshot lists them alike each time
            List<Supplier<List<Output>>> kinds = new ArrayList<>();
            for (Redirect r : redirects) {
                kinds.add(() -> List.of(RedirectPage.render(ctx, r)));
            }
            kinds.add(() -> RedirectRules.render(ctx, redirects));
            kinds.add(() -> List.of(HomePage.render(ctx)));
            kinds.add(() -> List.of(StatusPage.render(ctx)));
            kinds.add(() -> QuestionsPage.render(ctx));
            kinds.add(() -> List.of(QuestionsApi.render(ctx)));
            kinds.add(() -> TaxonomyPages.render(ctx));
            kinds.add(() -> List.of(RequirementsPage.render(ctx)));
            kinds.add(() -> List.of(ApprovalsPage.render(ctx)));
            kinds.add(() -> List.of(TimelinePage.render(ctx)));
            kinds.add(() -> List.of(FeedPage.render(ctx)));
            kinds.add(() -> List.of(ProblemsPage.render(ctx)));
            kinds.add(() -> List.of(SpecsApi.render(ctx, generator)));
            kinds.add(ApiSchemas::render);
            List<List<String>> paths = kinds.parallelStream().map(kind -> {
                List<String> made = new ArrayList<>();
                for (Output o : kind.get()) {
                    sink.accept(o);
                    made.add(o.path());
                }
                return made;
            }).toList();
            paths.forEach(otherPages::addAll);
        }
        AtomicInteger done = new AtomicInteger();
        pages.specs().parallelStream().forEach(s -> {
            sink.accept(SpecPage.render(ctx, s, SpecPage.view(ctx, s))); // the sink keeps a file whose bytes are the same
            int n = done.incrementAndGet();
            if (n % 500 == 0) {
                progress.accept(n);
            }
        });
        return otherPages;
    }
}
