package dev.specsite.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.util.TreeSet;

import dev.specsite.index.NaturalOrder;
import dev.specsite.link.Backlink;
import dev.specsite.link.Urls;
import dev.specsite.model.Requirement;
import dev.specsite.link.LinkedSpec;
import dev.specsite.link.ResolvedRelation;
import dev.specsite.model.MetaEntry;
import dev.specsite.model.OpenQuestion;
import dev.specsite.model.RelatedDocument;
import dev.specsite.model.Section;
import dev.specsite.model.Spec;

/** One page per spec, at the path its id gives. */
public final class SpecPage {

    private SpecPage() {
    }

    public static Output render(RenderContext ctx, LinkedSpec ls) {
        return render(ctx, ls, view(ctx, ls));
    }

    /** Renders a spec's page from its view record without the body (see {@link #view}). */
    public static Output render(RenderContext ctx, LinkedSpec ls, Views.SpecView view) {
        return ctx.chromePage("spec.ftlh", ls.page(), ls.spec().id() + ": " + ls.spec().title(), "spec",
                view.withBody(BodyHtml.of(ls)));
    }

    /**
     * The view record of a spec's page, with an empty body: the body is the largest part of a page
     * and is filled in only when the page is rendered.
     */
    public static Views.SpecView view(RenderContext ctx, LinkedSpec ls) {
        Spec s = ls.spec();
        String path = ls.page();
        List<Views.MetaView> meta = new ArrayList<>();
        for (MetaEntry e : s.metadata()) {
            if (e.field() == null && !e.value().isBlank()) {
                meta.add(new Views.MetaView(e.key(), e.value(),
                        e.html() == null ? null : BodyHtml.fragment(e.html(), ls.body(), path)));
            }
        }
        List<Views.TocEntry> toc = new ArrayList<>();
        for (Section sec : s.sections()) {
            if (sec.level() <= 3) {
                toc.add(new Views.TocEntry(sec.title(), sec.number(), sec.anchor(), sec.level()));
            }
        }
        List<Views.QuestionView> questions = new ArrayList<>();
        for (OpenQuestion q : s.questions()) {
            questions.add(new Views.QuestionView(q.text(), "#" + q.anchor(), q.anchor(), q.line(), q.resolved(), q.kind()));
        }
        List<Views.BacklinkView> backlinks = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Backlink b : ls.backlinks()) {
            if (!seen.add(b.fromId() + "\u0000" + b.context() + "\u0000" + b.anchor())) {
                continue; // two mentions in one sentence: one entry
            }
            LinkedSpec from = ctx.spec(b.fromId());
            backlinks.add(new Views.BacklinkView(b.fromId(), from == null ? b.fromId() : from.spec().title(),
                    from == null ? null : dev.specsite.link.Urls.relative(path, from.page()), b.context(), b.anchor()));
        }
        List<Views.RelationView> relations = new ArrayList<>();
        Views.LinkView supersededBy = null;
        for (ResolvedRelation r : ls.relations()) {
            Views.LinkView target = r.targetId() == null ? null : ctx.linkTo(r.targetId(), path);
            relations.add(new Views.RelationView(r.type(), relationLabel(r.type()), r.targetId() == null ? r.target()
                    : r.targetId(), target == null ? r.target() : target.title(), target == null ? null : target.url(),
                    r.declared()));
            if (r.type().equals("superseded-by") && target != null && supersededBy == null) {
                supersededBy = target;
            }
        }
        List<Views.LinkView> linksTo = ls.linksTo().stream().map(id -> ctx.linkTo(id, path)).toList();
        String editUrl = ctx.config().repositoryUrl().isEmpty() ? null : ctx.config().repositoryUrl() + "/" + s.source();
        int signed = (int) s.approvals().stream().filter(a -> a.signed()).count();
        Views.SpecView view = new Views.SpecView(ctx.card(ls, path), s.source(), editUrl, meta, s.tags(), toc,
                s.requirements(), s.approvals(), signed, questions, "", backlinks, relations, linksTo,
                ls.diagnostics().stream().filter(d -> d.severity() != dev.specsite.diag.Severity.INFO).toList(),
                supersededBy, s.words(), s.userStories(), s.risks(), related(s), requirementViews(ctx, ls, path),
                RelationGraph.of(ctx, ls, path), permalink(ctx, ls, path), s.titleAnchor());
        return view;
    }

    static List<Views.RelatedView> related(Spec s) {
        List<Views.RelatedView> out = new ArrayList<>();
        for (RelatedDocument d : s.related()) {
            String url = d.target() != null && d.target().matches("(?i)^https?://\\S+$") ? d.target() : null;
            out.add(new Views.RelatedView(d.title(), d.target(), url));
        }
        return out;
    }

    /** Each requirement with the specs whose text names it ({@code SPEC-4#FR-2}). */
    static List<Views.RequirementView> requirementViews(RenderContext ctx, LinkedSpec ls, String path) {
        List<Views.RequirementView> out = new ArrayList<>();
        for (Requirement r : ls.spec().requirements()) {
            TreeSet<String> from = new TreeSet<>(NaturalOrder.INSTANCE);
            for (Backlink b : ls.backlinks()) {
                if (r.anchor().equals(b.anchor())) {
                    from.add(b.fromId());
                }
            }
            out.add(new Views.RequirementView(r, from.stream().map(id -> ctx.linkTo(id, path)).toList()));
        }
        return out;
    }

    static Views.PermalinkView permalink(RenderContext ctx, LinkedSpec ls, String path) {
        String shortPath = Urls.shortPath(ls.id());
        String host = ctx.config().siteHost();
        return new Views.PermalinkView(Urls.canonical(host, path, path),
                shortPath == null ? null : Urls.relative(path, shortPath),
                shortPath == null ? null : (host.isEmpty() ? "" : host + "/") + Urls.served(shortPath), ls.aliases());
    }

    static String relationLabel(String type) {
        return switch (type) {
            case "supersedes" -> "Supersedes";
            case "superseded-by" -> "Superseded by";
            case "replaces" -> "Replaces";
            case "depends-on" -> "Depends on";
            case "required-by" -> "Required by";
            case "related" -> "Related";
            case "see-also" -> "See also";
            default -> type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1).replace('-', ' ');
        };
    }
}
