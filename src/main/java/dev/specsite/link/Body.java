package dev.specsite.link;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import dev.specsite.parse.ParsedSpec;

/**
 * A spec's body: the HTML the parse stage made, with its link placeholders, and what the link
 * stage resolved each placeholder to. The render stage writes the filled HTML when it renders the
 * page ({@code render/BodyHtml}), so that the site holds one copy of every body rather than two (the
 * parse result stays for the next build). A body taken from a parse result reads its HTML from it
 * only when asked, so that a parse result read from the build cache without its HTML makes it again
 * only for the pages that are rendered.
 */
public final class Body {

    private final ParsedSpec from;
    private final String text;
    private final List<Resolved> resolved;
    private final List<Resolved> raw;
    private final String source;

    /**
     * @param parsed   the body HTML with placeholders ({@code href="specsite:link/N"},
     *                 {@code <specsite-ref data-i="N">})
     * @param resolved per placeholder index what it resolved to; {@code null} entries (and indices past
     *                 the end) write {@code href="#"} for a link and leave a mention's text as it is
     * @param raw      per relative link of the raw HTML, in the order {@link RawLinks#ATTRIBUTE} finds
     *                 them, what it resolved to
     * @param source   what identifies {@code parsed} without reading it: the content hash of the source
     *                 file it was parsed from, or {@code null}
     */
    public Body(String parsed, List<Resolved> resolved, List<Resolved> raw, String source) {
        this(null, Objects.requireNonNull(parsed), resolved, raw, source);
    }

    private Body(ParsedSpec from, String text, List<Resolved> resolved, List<Resolved> raw, String source) {
        this.from = from;
        this.text = text;
        this.resolved = Collections.unmodifiableList(Arrays.asList(resolved.toArray(new Resolved[0])));
        this.raw = List.copyOf(raw);
        this.source = source;
    }

    /** A body without placeholders. */
    public static Body of(String html) {
        return new Body(html, List.of(), List.of(), null);
    }

    /** The body of a parse result, its HTML read from it when needed. */
    public static Body of(ParsedSpec p) {
        return new Body(p, null, List.of(), List.of(), null);
    }

    /** The same body's HTML with these resolutions, identified by the content hash {@code source}. */
    public Body resolved(List<Resolved> resolved, List<Resolved> raw, String source) {
        return new Body(from, text, resolved, raw, source);
    }

    /** The body HTML with its placeholders. */
    public String parsed() {
        return text != null ? text : from.html();
    }

    /** Per placeholder index, what it resolved to ({@code null}: nothing). */
    public List<Resolved> resolved() {
        return resolved;
    }

    /** Per relative link of the raw HTML, in order, what it resolved to. */
    public List<Resolved> raw() {
        return raw;
    }

    public String source() {
        return source;
    }

    /**
     * A short text that differs whenever the filled HTML may differ, for the render memory's digests:
     * the source's hash and the resolutions instead of the whole body, when the body is the parse
     * result of that source (the parse depends only on the file, the configuration and the tool
     * version, and a change of the last two empties the build cache).
     */
    public String fingerprint() {
        return (source == null ? parsed() : source) + "\n" + resolved + "\n" + raw;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Body b && resolved.equals(b.resolved) && raw.equals(b.raw)
                && Objects.equals(source, b.source) && parsed().equals(b.parsed());
    }

    @Override
    public int hashCode() {
        return Objects.hash(resolved, raw, source);
    }

    @Override
    public String toString() {
        return "Body[" + fingerprint() + "]";
    }
}
