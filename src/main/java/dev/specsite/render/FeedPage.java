package dev.specsite.render;

import java.util.ArrayList;
import java.util.List;

import dev.specsite.index.Dashboards.TimelineEntry;

/**
 * {@code feed.xml}: an Atom feed of new and updated specs (the newest 50 events). Its dates come
 * from the specs, never the clock.
 */
public final class FeedPage {
    /** The feed's path. */
    public static final String PATH = "feed.xml";
    static final int ENTRIES = 50;

    private FeedPage() {
    }

    /** One entry. */
    public record Entry(String id, String title, String url, String date, String kind, String status, String summary,
                        List<String> authors) {
    }

    /** The feed. */
    public record Feed(String id, String updated, String selfUrl, String siteUrl, List<Entry> entries) {
    }

    public static Output render(RenderContext ctx) {
        String host = ctx.config().siteHost();
        String base = host.isEmpty() ? "urn:specsite:" : host + "/";
        List<Entry> entries = new ArrayList<>();
        for (TimelineEntry e : ctx.index().timeline()) {
            if (entries.size() == ENTRIES) {
                break;
            }
            var s = e.spec().spec();
            entries.add(new Entry(base + e.spec().page() + "#" + e.kind() + "-" + e.date(),
                    s.id() + ": " + s.title(), host.isEmpty() ? e.spec().page() : host + "/" + e.spec().page(),
                    e.date(), e.kind(), ctx.status(s).label(), s.summary(), s.owners()));
        }
        String updated = ctx.index().asOf() != null ? ctx.index().asOf() : "1970-01-01";
        Feed feed = new Feed(base + "feed.xml", updated, host.isEmpty() ? "feed.xml" : host + "/feed.xml",
                host.isEmpty() ? "index.html" : host + "/", entries);
        return ctx.page("feed.ftlx", PATH, "Specs", "feed", feed);
    }
}
