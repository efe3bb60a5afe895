package dev.specsite.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.specsite.config.People;
import dev.specsite.config.SiteConfig;
import dev.specsite.index.SiteIndex;
import dev.specsite.index.StatusGroup;
import dev.specsite.link.LinkedSpec;
import dev.specsite.link.Urls;
import dev.specsite.model.Spec;

/**
 * What every page kind needs: the index, the configuration, the templates, and the small
 * conversions from model records to view records. Immutable and shared by all render threads.
 */
public final class RenderContext {

    private final SiteIndex index;
    private final SiteConfig config;
    private final Templates templates;
    private final String generator;
    private final Map<String, LinkedSpec> byId = new java.util.HashMap<>();
    private final Map<String, Object> configModel;
    private final Views.SiteView chrome;
    private final String chromeKey;

    public RenderContext(SiteIndex index, SiteConfig config, Templates templates, String generator) {
        this.index = index;
        this.config = config;
        this.templates = templates;
        this.generator = generator;
        index.specs().forEach(s -> byId.put(s.id(), s));
        Map<String, Object> cm = new TreeMap<>();
        config.values().forEach((k, v) -> cm.put(k.replace('.', '_').replace('-', '_'), v));
        this.configModel = Map.copyOf(cm);
        this.chrome = new Views.SiteView(config.title(), config.description(), index.specs().size(), generator,
                List.of(), null, null, null, null, null);
        this.chromeKey = chrome.toString();
    }

    public SiteIndex index() {
        return index;
    }

    public SiteConfig config() {
        return config;
    }

    /** A spec by id, or {@code null}. */
    public LinkedSpec spec(String id) {
        return byId.get(id);
    }

    /** Renders a page: the common model ({@code site}, {@code page}, {@code config}) plus {@code content}. */
    public Output page(String template, String path, String title, String nav, Object content) {
        return render(template, path, title, nav, content, siteView(path), canonical(path));
    }

    /** Renders a page with only the site's chrome as {@code site} (see {@link Views.SiteView}). */
    public Output chromePage(String template, String path, String title, String nav, Object content) {
        return render(template, path, title, nav, content, chrome(), canonical(path));
    }

    /** The site's chrome: what every page shows that does not change when one spec changes. */
    public Views.SiteView chrome() {
        return chrome;
    }

    /** The chrome as text: part of what the render memory compares between builds. */
    public String chromeKey() {
        return chromeKey;
    }

    /** Renders a page whose canonical URL is another page's ({@code canonical} as written into the page). */
    Output page(String template, String path, String title, String nav, Object content, String canonical) {
        return render(template, path, title, nav, content, chrome(), canonical);
    }

    private Output render(String template, String path, String title, String nav, Object content, Views.SiteView site,
                          String canonical) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", site);
        model.put("page", new Views.PageView(path, Urls.rootOf(path), title, canonical, nav));
        model.put("config", configModel);
        model.put("content", content);
        String html = templates.render(template, model);
        return new Output(path, html.getBytes(StandardCharsets.UTF_8));
    }

    private String canonical(String path) {
        return Urls.canonical(config.siteHost(), path, path);
    }

    Views.SiteView siteView(String fromPage) {
        List<Views.StatusCount> counts = new ArrayList<>();
        int total = Math.max(1, index.specs().size());
        for (StatusGroup g : index.statusGroups()) {
            counts.add(new Views.StatusCount(g.slug(), g.label(), g.count(),
                    Urls.relative(fromPage, "status.html") + "#status-" + g.slug(), g.count() * 100 / total));
        }
        return new Views.SiteView(config.title(), config.description(), index.specs().size(), generator, counts,
                index.unresolvedQuestions(), index.resolvedQuestions(), index.errors(), index.warnings(),
                index.missingSignoffs());
    }

    /** The status of a spec as shown. */
    public Views.StatusView status(Spec s) {
        String key = SiteIndex.statusKey(s);
        String label = switch (key) {
            case "none" -> "No status";
            case "unknown" -> s.status().label();
            default -> asWritten(s, config.statuses().bySlug(key).map(e -> e.label()).orElse(key));
        };
        String detail = key.equals("unknown") || key.equals("none") ? null : s.status().detail();
        return new Views.StatusView(key, label, s.status().slug() != null, detail);
    }

    /**
     * The pill's text: the status words as written ({@code Accepted}, {@code FCP}), or the vocabulary's
     * label when they are only another spelling of it or of its slug ({@code in-review}, {@code DRAFT}).
     */
    private static String asWritten(Spec s, String label) {
        String written = s.status().declared() ? s.status().written() : "";
        String w = written.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_-]+", " ").strip();
        boolean respelt = w.isEmpty() || w.equals(label.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_-]+", " ").strip())
                || w.equals(String.valueOf(s.status().slug()).replace('-', ' '));
        return respelt ? label : written;
    }

    /** A spec as a card, with its URL relative to {@code fromPage}. */
    public Views.SpecCard card(LinkedSpec ls, String fromPage) {
        Spec s = ls.spec();
        int done = s.acceptanceDone();
        int total = s.acceptanceTotal();
        int problems = (int) ls.diagnostics().stream()
                .filter(d -> d.severity() != dev.specsite.diag.Severity.INFO).count();
        return new Views.SpecCard(s.id(), s.title(), Urls.relative(fromPage, ls.page()), status(s), s.owners(),
                people(s.owners(), fromPage), s.created(), s.updated(), done, total, total == 0 ? 0 : done * 100 / total,
                s.unresolvedQuestions().size(), problems, s.summary(), index.lastChange().get(s.id()));
    }

    /**
     * Owners as links to their people's owner pages from {@code fromPage}, one per person (the first
     * spelling of a person a spec names twice). What a spec page shows of its owners depends on their
     * spellings and the people file alone, never on other specs.
     */
    public List<Views.OwnerView> people(List<String> owners, String fromPage) {
        List<Views.OwnerView> out = new ArrayList<>(owners.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String o : owners) {
            People.Who who = index.people().who(o);
            if (seen.add(who.slug())) {
                out.add(new Views.OwnerView(o, who.name(), Urls.relative(fromPage, TaxonomyPages.ownerPage(who.slug()))));
            }
        }
        return out;
    }

    /** A link to a spec from {@code fromPage}. */
    public Views.LinkView linkTo(String id, String fromPage) {
        LinkedSpec t = byId.get(id);
        if (t == null) {
            return new Views.LinkView(id, id, null, null);
        }
        return new Views.LinkView(id, t.spec().title(), Urls.relative(fromPage, t.page()), status(t.spec()));
    }
}
