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
 * parse result stays for the next build). A body of a parse result read from the build cache
 * without its HTML has none ({@link #hasHtml()}); the build gives it its HTML ({@link #withHtml}) before
 * rendering its page.
 */
public final class Body {

    private final String text;
    private final List<Resolved> resolved;
    private final List<Resolved> raw;
    private final String source;

    /**
     * @param parsed   the body HTML with placeholders ({@code href="specsite:link/N"},
     *                 {@code <specsite-ref data-i="N">}); {@code null} when not at hand
     * @param resolved per placeholder index what it resolved to; {@code null} entries (and indices past
     *                 the end) write {@code href="#"} for a link and leave a mention's text as it is
     * @param raw      per relative link of the raw HTML, in the order {@link RawLinks#ATTRIBUTE} finds
     *                 them, what it resolved to
     * @param source   what identifies {@code parsed} without reading it: the content hash of the source
     *                 file it was parsed from, or {@code null}
     */
    public Body(String parsed, List<Resolved> resolved, List<Resolved> raw, String source) {
        this.text = parsed;
        this.resolved = Collections.unmodifiableList(Arrays.asList(resolved.toArray(new Resolved[0])));
        this.raw = List.copyOf(raw);
        this.source = source;
    }

    /** A body without placeholders. */
    public static Body of(String html) {
        return new Body(html, List.of(), List.of(), null);
    }

    /** The body of a parse result (without HTML when the parse result has none). */
    public static Body of(ParsedSpec p) {
        return new Body(p.html(), List.of(), List.of(), null);
    }

    /** The same body's HTML with these resolutions, identified by the content hash {@code source}. */
    public Body resolved(List<Resolved> resolved, List<Resolved> raw, String source) {
        return new Body(text, resolved, raw, source);
    }

    /** The same body with its HTML, parsed again from the source it is identified by. */
    public Body withHtml(String parsed) {
        return new Body(Objects.requireNonNull(parsed), resolved, raw, source);
    }

    /** Whether the HTML is at hand. */
    public boolean hasHtml() {
        return text != null;
    }

    /** The body HTML with its placeholders. */
    public String parsed() {
        if (text == null) {
            throw new IllegalStateException("the body of " + source + " is not at hand: its spec must be parsed again");
        }
        return text;
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

    /** Bodies of one source (content hash) are equal when their resolutions are: the HTML is that source's. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Body b && resolved.equals(b.resolved) && raw.equals(b.raw)
                && Objects.equals(source, b.source) && (source != null || Objects.equals(text, b.text));
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
