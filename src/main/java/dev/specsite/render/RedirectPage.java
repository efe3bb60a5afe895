package dev.specsite.render;

import dev.specsite.link.Redirect;
import dev.specsite.link.Urls;

/**
 * A redirect page at a former or short path ({@code specs/OLD-1.html}, {@code SPEC-042/index.html}):
 * a meta refresh, a canonical link to the spec's page and a plain link, so it works without script
 * and search engines index the page it leads to.
 */
public final class RedirectPage {

    private RedirectPage() {
    }

    public static Output render(RenderContext ctx, Redirect r) {
        String path = r.from();
        String page = Urls.specPage(r.toId());
        String url = Urls.relative(path, page);
        Views.LinkView target = ctx.linkTo(r.toId(), path);
        String canonical = Urls.canonical(ctx.config().siteHost(), path, page);
        return ctx.page("redirect.ftlh", path, r.toId() + ": " + target.title(), "redirect",
                new Views.RedirectView(target, url, r.reason()), canonical);
    }
}
