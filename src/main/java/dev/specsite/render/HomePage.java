package dev.specsite.render;

import java.util.List;

import dev.specsite.link.LinkedSpec;

/** {@code index.html}: what the site is, counts per status, recently updated specs, what needs attention. */
public final class HomePage {
    /** The page's path. */
    public static final String PATH = "index.html";

    private HomePage() {
    }

    public static Output render(RenderContext ctx) {
        List<Views.SpecCard> recent = ctx.index().recent().stream().map(s -> ctx.card(s, PATH)).toList();
        int withProblems = (int) ctx.index().specs().stream().filter(LinkedSpec::hasErrors).count();
        return ctx.page("index.ftlh", PATH, ctx.config().title(), "home",
                new Views.HomeView(recent, ctx.index().stale().size(), withProblems));
    }
}
