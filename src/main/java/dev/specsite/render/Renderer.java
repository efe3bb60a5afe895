package dev.specsite.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import dev.specsite.link.Redirect;

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
     * @param redirects the redirects of the link stage (old paths, short paths)
     * @param sink      takes each rendered file
     * @param progress  told how many spec pages are done, now and then
     */
    public static void render(RenderContext ctx, String generator, List<Redirect> redirects, RenderSink sink,
                              IntConsumer progress) {
        render(ctx, generator, redirects, sink, null, progress);
    }

    /**
     * Renders the site, keeping what the last render (in {@code memory}) shows cannot have changed.
     *
     * @param memory what was rendered last, or {@code null} to remember nothing
     * @return what to {@link RenderMemory#commit} once the files are written ({@code null} without a memory)
     */
    public static RenderMemory.Snapshot render(RenderContext ctx, String generator, List<Redirect> redirects,
                                               RenderSink sink, RenderMemory memory, IntConsumer progress) {
        RenderMemory.Plan plan = memory == null ? RenderMemory.Plan.ALL : memory.plan(ctx, redirects);
        List<String> otherPages = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        boolean allKept = plan.keepOthers();
        if (allKept) {
            kept.addAll(plan.otherPages().parallelStream().filter(sink::keep).toList());
            allKept = kept.size() == plan.otherPages().size();
        }
        if (allKept) {
            otherPages.addAll(plan.otherPages());
        } else {
            // every page kind, and every redirect page, on its own: rendered and written in parallel
            // (one after the other, the 10,000 short-path redirects of a 10,000-spec site took a third
            // of a cold build); collected in this order, so that the snapshot lists them alike each time
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
            List<List<String>> paths = kinds.parallelStream().map(kind -> {
                List<String> made = new ArrayList<>();
                for (Output o : kind.get()) {
                    if (!kept.contains(o.path())) {
                        sink.accept(o);
                    }
                    made.add(o.path());
                }
                return made;
            }).toList();
            paths.forEach(otherPages::addAll);
        }
        AtomicInteger done = new AtomicInteger();
        ctx.index().specs().parallelStream().forEach(s -> {
            if (!plan.candidate(s.id()) && sink.keep(s.page())) {
                // nothing it shows changed: neither the spec nor a neighbour
            } else {
                sink.accept(SpecPage.render(ctx, s, SpecPage.view(ctx, s))); // the sink keeps a file whose bytes are the same
            }
            int n = done.incrementAndGet();
            if (n % 500 == 0) {
                progress.accept(n);
            }
        });
        return plan.next() == null ? null : plan.next().withOtherPages(otherPages);
    }
}
