package dev.specsite.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.specsite.config.TagEntity;
import dev.specsite.index.Dashboards.FeedEntry;
import dev.specsite.link.Urls;

/**
 * {@code feed.xml}: an Atom feed (RFC 4287) of the specs changed last, one entry per spec (the newest
 * 50). Its times come from the specs and their Git history ({@link FeedEntry}), never the clock.
 * <p>
 * Ids are {@code tag:} URIs (RFC 4151) of the site's {@link TagEntity}: an entry's is
 * {@code tag:<authority>,<date>:<spec id>}, so that it survives a rename of the spec's file and of
 * its page; the feed's own is {@code tag:<authority>,<date>:specsite/feed} (a spec id written into a
 * tag never holds a raw {@code /}). The feed's {@code updated} is its newest entry's; a feed without
 * entries takes the as-of date, else the first instant of the tagging entity's date — never the epoch.
 */
public final class FeedPage {
    /** The feed's path. */
    public static final String PATH = "feed.xml";
    /** The specific name of the feed's own tag id. */
    static final String FEED_NAME = "specsite/feed";
    static final int ENTRIES = 50;

    private FeedPage() {
    }

    /**
     * One entry.
     *
     * @param date      the ISO date of {@code updated} (UTC)
     * @param kind      {@code created} when the spec has not changed since, else {@code updated}
     * @param published when the spec was created, an instant in UTC, or {@code null}
     * @param updated   when it last changed, an instant in UTC
     */
    public record Entry(String id, String title, String url, String date, String kind, String status, String summary,
                        List<String> authors, String published, String updated) {
        public Entry {
            authors = List.copyOf(authors);
        }
    }

    /**
     * The feed.
     *
     * @param updated   the ISO date of {@code updatedAt}
     * @param updatedAt when the feed last changed, an instant in UTC
     */
    public record Feed(String id, String updated, String updatedAt, String selfUrl, String siteUrl, List<Entry> entries) {
        public Feed {
            entries = List.copyOf(entries);
        }
    }

    public static Output render(RenderContext ctx) {
        return ctx.page("feed.ftlx", PATH, "Specs", "feed", feed(ctx));
    }

    /** The feed's view. */
    static Feed feed(RenderContext ctx) {
        String host = ctx.config().siteHost();
        TagEntity tag = TagEntity.of(ctx.config());
        List<Entry> entries = new ArrayList<>();
        for (FeedEntry e : ctx.index().feed()) {
            if (entries.size() == ENTRIES) {
                break;
            }
            var s = e.spec().spec();
            String kind = e.updated().equals(e.published()) ? "created" : "updated";
            entries.add(new Entry(tag.uri(specific(s.id())), s.id() + ": " + s.title(),
                    host.isEmpty() ? e.spec().page() : Urls.canonical(host, "", e.spec().page()),
                    e.updated().substring(0, 10), kind, ctx.status(s).label(), s.summary(), s.owners(), e.published(),
                    e.updated()));
        }
        String updated = !entries.isEmpty() ? entries.get(0).updated()
                : ctx.index().asOf() != null ? ctx.index().asOf() + "T00:00:00Z" : tag.firstInstant();
        return new Feed(tag.uri(FEED_NAME), updated.substring(0, 10), updated,
                host.isEmpty() ? PATH : host + "/" + PATH, host.isEmpty() ? "index.html" : host + "/", entries);
    }

    /**
     * A spec id as the specific part of a tag URI: unreserved characters as they are, every other
     * byte of its UTF-8 form as {@code %XX} (a spec id is letters, digits, '.', '_' and '-').
     */
    static String specific(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && Urls.isUnreserved(c)) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
