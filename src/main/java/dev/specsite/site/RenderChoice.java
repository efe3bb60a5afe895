package dev.specsite.site;

import java.util.List;

import dev.specsite.index.SiteIndex;
import dev.specsite.link.LinkedSpec;
import dev.specsite.render.RenderState;

/**
 * Which pages a build renders: those the render plan says may have changed, and every page whose
 * file the output folder lacks; the writer keeps the others as they are.
 *
 * @param specs  the specs whose pages to render, in the index's order
 * @param others whether the other pages (dashboards, feeds, the JSON, redirects) are rendered
 */
record RenderChoice(List<LinkedSpec> specs, boolean others) {

    /** Decides, keeping in the session every page not rendered. */
    static RenderChoice of(RenderState.Plan plan, SiteIndex index, SiteWriter.Session session) {
        boolean keepOthers = plan.keepOthers() && session.keepAll(plan.otherPages());
        List<LinkedSpec> specs = index.specs().parallelStream()
                .filter(s -> plan.candidate(s.id()) || !session.keep(s.page())).toList();
        return new RenderChoice(specs, !keepOthers);
    }
}
