package dev.specsite.link;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import dev.specsite.parse.ParsedSpec;

/**
 * A spec's body: the HTML the parse stage made, with its link placeholders, and what the link
 * stage resolved each placeholder to. The filled HTML is made when the page is rendered, so that
 * the site holds one copy of every body rather than two (the parse result stays for the next build).
 * A body taken from a parse result reads its HTML from it only when asked, so that a parse result
 * read from the build cache without its HTML makes it again only for the pages that are rendered.
 */
public final class Body {

    private final ParsedSpec from;
    private final String text;
    private final List<String> links;
    private final List<String> refs;
    private final String source;

    /**
     * @param parsed the body HTML with placeholders ({@code href="specsite:link/N"},
     *               {@code <specsite-ref data-i="N">})
     * @param links  per link index the attribute to write ({@code href="…"}); {@code null} entries write
     *               {@code href="#"}
     * @param refs   per link index the start tag of the element a mention becomes (its text and end
     *               tag follow it); {@code null} entries leave the text as it is
     * @param source what identifies {@code parsed} without reading it: the content hash of the source
     *               file it was parsed from, or {@code null} when the link stage rewrote it (raw HTML links)
     */
    public Body(String parsed, List<String> links, List<String> refs, String source) {
        this(null, java.util.Objects.requireNonNull(parsed), links, refs, source);
    }

    private Body(ParsedSpec from, String text, List<String> links, List<String> refs, String source) {
        this.from = from;
        this.text = text;
        this.links = Collections.unmodifiableList(Arrays.asList(links.toArray(new String[0])));
        this.refs = Collections.unmodifiableList(Arrays.asList(refs.toArray(new String[0])));
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
    public Body resolved(List<String> links, List<String> refs, String source) {
        return new Body(from, text, links, refs, source);
    }

    /** The body HTML with its placeholders. */
    public String parsed() {
        return text != null ? text : from.html();
    }

    public List<String> links() {
        return links;
    }

    public List<String> refs() {
        return refs;
    }

    public String source() {
        return source;
    }

    /**
     * A short text that differs whenever {@link #html()} may differ, for the render memory's digests: the
     * source's hash and the resolved links instead of the whole body, when the body is the parse
     * result of that source (the parse depends only on the file, the configuration and the tool
     * version, and a change of the last two empties the build cache).
     */
    public String fingerprint() {
        return source == null ? html() : source + "\n" + links + "\n" + refs;
    }

    /** The body HTML with every placeholder filled. */
    public String html() {
        String h = Placeholders.links(parsed(), i -> i < links.size() && links.get(i) != null ? links.get(i) : "href=\"#\"");
        return Placeholders.refs(h, i -> i < refs.size() ? refs.get(i) : null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Body b && links.equals(b.links) && refs.equals(b.refs)
                && java.util.Objects.equals(source, b.source) && parsed().equals(b.parsed());
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(links, refs, source);
    }

    @Override
    public String toString() {
        return "Body[" + fingerprint() + "]";
    }
}
