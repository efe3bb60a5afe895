package dev.specsite.render;

import java.util.List;
import java.util.regex.Matcher;

import dev.specsite.link.Body;
import dev.specsite.link.LinkedSpec;
import dev.specsite.link.RawLinks;
import dev.specsite.link.Resolved;
import dev.specsite.link.Urls;

/**
 * Writes a spec's body: each placeholder and raw HTML link filled with the tag or attribute of what
 * the link stage resolved it to, URLs relative to the spec's page. Every value goes through
 * {@link Tags}; a mention's text is never put into its tag.
 */
public final class BodyHtml {

    private BodyHtml() {
    }

    /** The body HTML of a linked spec with every placeholder filled (made on each call). */
    public static String of(LinkedSpec ls) {
        return of(ls.body(), ls.page());
    }

    /** A body's HTML with every placeholder filled, for the page at {@code page}. */
    public static String of(Body body, String page) {
        String h = body.parsed();
        List<Resolved> raw = body.raw();
        if (!raw.isEmpty()) {
            int[] k = {0};
            h = RawLinks.ATTRIBUTE.matcher(h).replaceAll(mr -> {
                Resolved r = k[0] < raw.size() ? raw.get(k[0]) : null;
                k[0]++;
                return Matcher.quoteReplacement(attribute(mr.group(1), r, page));
            });
        }
        List<Resolved> resolved = body.resolved();
        h = Placeholders.links(h, i -> attribute("href", i < resolved.size() ? resolved.get(i) : null, page));
        return Placeholders.refs(h, i -> start(i < resolved.size() ? resolved.get(i) : null, page));
    }

    /**
     * A fragment of the parse stage's HTML outside the body (a metadata value) with its placeholders
     * filled from the body's resolutions, for the page at {@code page}.
     */
    public static String fragment(String html, Body body, String page) {
        List<Resolved> resolved = body.resolved();
        String h = Placeholders.links(html, i -> attribute("href", i < resolved.size() ? resolved.get(i) : null, page));
        return Placeholders.refs(h, i -> start(i < resolved.size() ? resolved.get(i) : null, page));
    }

    /** The attribute ({@code href="…"}, or {@code src="…"} for {@code name} src) a link resolved to writes. */
    static String attribute(String name, Resolved r, String page) {
        if (r instanceof Resolved.ToSpec t) {
            return Tags.attribute(name, specUrl(t, page));
        } else if (r instanceof Resolved.SamePage s) {
            return Tags.attribute(name, "#" + s.fragment());
        } else if (r instanceof Resolved.ToFile f) {
            return Tags.attribute(name, Urls.relative(page, Urls.file(f.path()))
                    + (f.fragment() == null ? "" : "#" + f.fragment()));
        } else if (r instanceof Resolved.External e) {
            return Tags.attribute(name, e.url());
        } else if (r instanceof Resolved.Broken b) {
            return name + "=\"#\" " + Tags.attribute("data-broken",
                    b.reason() == Resolved.Broken.Reason.OUTSIDE ? "outside" : b.written());
        }
        return name + "=\"#\"";
    }

    /** The start tag of the element a mention resolved to becomes, or {@code null} to leave its text as it is. */
    static String start(Resolved r, String page) {
        if (r instanceof Resolved.ToSpec t) {
            return Tags.start("a", "class", "ref", "href", specUrl(t, page), "title", t.title());
        } else if (r instanceof Resolved.Unknown u) {
            return Tags.start("span", "class", "ref unknown", "title",
                    u.kind() == Resolved.Unknown.Kind.NUMBER ? "Unknown spec number" : "Unknown spec id");
        }
        return null;
    }

    private static String specUrl(Resolved.ToSpec t, String page) {
        return Urls.relative(page, Urls.specPage(t.id())) + (t.anchor() == null ? "" : "#" + t.anchor());
    }
}
