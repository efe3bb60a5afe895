package dev.specsite.render;

import java.util.List;

import dev.specsite.diag.Diagnostic;
import dev.specsite.model.Approval;
import dev.specsite.model.Requirement;
import dev.specsite.model.Risk;
import dev.specsite.model.UserStory;

/**
 * The records templates read. Templates only loop, branch and format over these; every sorting,
 * grouping and counting happened in Java. URLs in a view are relative to the page it is on.
 */
public final class Views {
    private Views() {
    }

    /** A status as shown: slug (for the colour class), label, and whether it is in the vocabulary. */
    /**
     * A status as shown: the pill's text (the status as written, without its qualifier, in the
     * colour of its slug) and the qualifier shown beside it ({@code null}: none).
     */
    public record StatusView(String slug, String label, boolean known, String detail) {
        /** The CSS class suffix: the slug, {@code unknown} or {@code none}. */
        public String css() {
            return slug;
        }
    }

    /**
     * A spec in a list or table; {@code date} is its last change (declared, else from Git), or
     * {@code null}; {@code owners} as written, {@code people} the same owners as links, one per person.
     */
    public record SpecCard(String id, String title, String url, StatusView status, List<String> owners,
                           List<OwnerView> people, String created, String updated, int acceptanceDone,
                           int acceptanceTotal, int acceptancePercent, int openQuestions, int problems, String summary,
                           String date) {
        public SpecCard {
            owners = List.copyOf(owners);
            people = List.copyOf(people);
        }
    }

    /**
     * An owner of a spec, linking to the person's owner page.
     *
     * @param written the owner as the spec writes it
     * @param name    the person's name from the people file, or {@code null}
     * @param url     the person's owner page, relative to the page
     */
    public record OwnerView(String written, String name, String url) {
        /** What a list shows: the person's name, else the owner as written. */
        public String label() {
            return name != null ? name : written;
        }

        /** Whether the person's name differs from the owner as written (then a title can show it). */
        public boolean renamed() {
            return name != null && !name.equals(written);
        }
    }

    /** A count per status, linking to its section of the dashboard. */
    public record StatusCount(String slug, String label, int count, String url, int percent) {
    }

    /**
     * Site-wide facts every page shows (header, footer). On spec pages only the chrome is given
     * (title, description, spec count, generator; the figures are {@code null} and the statuses
     * empty), so that a spec page changes only when the spec or its neighbours change.
     */
    public record SiteView(String title, String description, int specCount, String generator,
                           List<StatusCount> statuses, Integer unresolvedQuestions, Integer resolvedQuestions,
                           Integer errors, Integer warnings, Integer missingSignoffs) {
        public SiteView {
            statuses = List.copyOf(statuses);
        }
    }

    /** Facts about the page being rendered. */
    public record PageView(String path, String root, String title, String canonical, String nav) {
    }

    /** A link to a spec. */
    public record LinkView(String id, String title, String url, StatusView status) {
    }

    /** One metadata key and value shown on the card. */
    /** One metadata value of the card: its text, and its HTML (links filled) when it has inline Markdown, else {@code null}. */
    public record MetaView(String key, String value, String html) {
    }

    /** A "Referenced by" entry. */
    public record BacklinkView(String fromId, String fromTitle, String url, String context, String anchor) {
    }

    /** A relation with its target. */
    public record RelationView(String type, String label, String targetId, String title, String url, boolean declared) {
    }

    /** An entry of the table of contents. */
    public record TocEntry(String title, String number, String anchor, int level) {
    }

    /** An open question with a link to its place. */
    public record QuestionView(String text, String url, String anchor, int line, boolean resolved, String kind) {
    }

    /** The open questions of one spec. */
    public record QuestionGroupView(SpecCard spec, List<QuestionView> questions, int resolved) {
        public QuestionGroupView {
            questions = List.copyOf(questions);
        }
    }

    /** The spec page; {@code titleAnchor} the title's id (its heading's GitHub slug), or empty. */
    public record SpecView(SpecCard card, String source, String editUrl, List<MetaView> metadata, List<String> tags,
                           List<TocEntry> toc, List<Requirement> requirements, List<Approval> approvals,
                           int approvalsSigned, List<QuestionView> questions, String body,
                           List<BacklinkView> backlinks, List<RelationView> relations, List<LinkView> linksTo,
                           List<Diagnostic> diagnostics, LinkView supersededBy, int words,
                           List<UserStory> userStories, List<Risk> risks, List<RelatedView> related,
                           List<RequirementView> requirementViews, GraphView graph, PermalinkView permalink,
                           String titleAnchor) {
        public SpecView {
            userStories = List.copyOf(userStories);
            risks = List.copyOf(risks);
            related = List.copyOf(related);
            requirementViews = List.copyOf(requirementViews);
            metadata = List.copyOf(metadata);
            tags = List.copyOf(tags);
            toc = List.copyOf(toc);
            requirements = List.copyOf(requirements);
            approvals = List.copyOf(approvals);
            questions = List.copyOf(questions);
            backlinks = List.copyOf(backlinks);
            relations = List.copyOf(relations);
            linksTo = List.copyOf(linksTo);
            diagnostics = List.copyOf(diagnostics);
        }

        /** The same view with this body. */
        SpecView withBody(String html) {
            return new SpecView(card, source, editUrl, metadata, tags, toc, requirements, approvals, approvalsSigned,
                    questions, html, backlinks, relations, linksTo, diagnostics, supersededBy, words, userStories, risks,
                    related, requirementViews, graph, permalink, titleAnchor);
        }
    }

    /** An entry of a spec's related documents; {@code url} only for web addresses, else {@code null}. */
    public record RelatedView(String title, String target, String url) {
    }

    /** The home page. */
    public record HomeView(List<SpecCard> recent, int staleSpecs, int specsWithProblems) {
        public HomeView {
            recent = List.copyOf(recent);
        }
    }

    /**
     * A redirect page: where it leads and why it exists.
     *
     * @param target the spec it leads to
     * @param url    the target page, relative to the redirect page
     * @param reason {@code alias}, {@code rename} or {@code short}
     */
    public record RedirectView(LinkView target, String url, String reason) {
    }

    /**
     * The relation graph of a spec page, laid out (SVG user units).
     *
     * @param width     drawing width
     * @param height    drawing height
     * @param nodes     the spec (kind {@code center}) and its neighbours
     * @param edges     one curve per neighbour
     * @param moreIn    referring specs not drawn
     * @param moreOut   referred specs not drawn
     */
    public record GraphView(int width, int height, List<GraphNode> nodes, List<GraphEdge> edges, int moreIn,
                            int moreOut) {
        public GraphView {
            nodes = List.copyOf(nodes);
            edges = List.copyOf(edges);
        }
    }

    /**
     * A box of the graph.
     *
     * @param kind {@code center}, {@code link} or {@code relation}
     * @param url  the spec page, relative, or {@code null} for the spec itself
     */
    public record GraphNode(int x, int y, int w, int h, String id, String title, String url, String kind) {
        /** The text drawn in the box: the id, and as much of the title as fits. */
        public String label() {
            String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
            boolean redundant = id.equals(title) || id.toLowerCase(java.util.Locale.ROOT).endsWith(slug);
            String t = redundant ? id : id + " · " + title;
            int max = Math.max(8, w / 7);
            return t.length() <= max ? t : t.substring(0, max - 1) + "…";
        }

        /** The x of the text's middle. */
        public int textX() {
            return x + w / 2;
        }

        /** The y of the text's baseline. */
        public int textY() {
            return y + h / 2 + 4;
        }
    }

    /**
     * A curve from one box to another, with its label.
     *
     * @param d      SVG path data
     * @param label  what the connection is ({@code links to}, {@code superseded by}, …)
     * @param labelX label position
     * @param labelY label position
     * @param anchor SVG text-anchor of the label
     * @param kind   {@code link} or {@code relation}
     */
    public record GraphEdge(String d, String label, int labelX, int labelY, String anchor, String kind) {
    }

    /**
     * A requirement with the specs that mention it.
     *
     * @param requirement  the requirement
     * @param referencedBy specs whose text names this requirement ({@code SPEC-4#FR-2}), sorted
     */
    public record RequirementView(Requirement requirement, List<LinkView> referencedBy) {
        public RequirementView {
            referencedBy = List.copyOf(referencedBy);
        }
    }

    /**
     * Permalink facts of a spec page.
     *
     * @param permalink the canonical URL of the page (absolute when {@code site.host} is set)
     * @param shortUrl  the short path's page ({@code ../SPEC-042/index.html}) relative to the page, or {@code null}
     * @param shortText the short path as people write it ({@code https://site/SPEC-042/}, or {@code SPEC-042/})
     * @param aliases   former ids that redirect here
     */
    public record PermalinkView(String permalink, String shortUrl, String shortText, List<String> aliases) {
        public PermalinkView {
            aliases = List.copyOf(aliases);
        }
    }
}
