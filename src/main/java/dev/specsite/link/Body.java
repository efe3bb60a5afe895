package dev.specsite.link;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A spec's body: the HTML the parse stage made, with its link placeholders, and what the link
 * stage resolved each placeholder to. The filled HTML is made when the page is rendered, so that
 * the site holds one copy of every body rather than two (the parse result stays for the next build).
 *
 * @param parsed the body HTML with placeholders ({@code href="specsite:link/N"},
 *               {@code <specsite-ref data-i="N">})
 * @param links  per link index the attribute to write ({@code href="…"}); {@code null} entries write
 *               {@code href="#"}
 * @param refs   per link index the element a mention becomes, {@code {text}} standing for its text;
 *               {@code null} entries leave the text as it is
 * @param source what identifies {@code parsed} without reading it: the content hash of the source
 *               file it was parsed from, or {@code null} when the link stage rewrote it (raw HTML links)
 */
public record Body(String parsed, List<String> links, List<String> refs, String source) {

    public Body {
        links = Collections.unmodifiableList(Arrays.asList(links.toArray(new String[0])));
        refs = Collections.unmodifiableList(Arrays.asList(refs.toArray(new String[0])));
    }

    /** A body without placeholders. */
    public static Body of(String html) {
        return new Body(html, List.of(), List.of(), null);
    }

    /**
     * A short text that differs whenever {@link #html()} may differ, for page fingerprints: the
     * source's hash and the resolved links instead of the whole body, when the body is the parse
     * result of that source (the parse depends only on the file, the configuration and the tool
     * version, and a change of the last two empties the build cache).
     */
    public String fingerprint() {
        return source == null ? html() : source + "\n" + links + "\n" + refs;
    }

    /** The body HTML with every placeholder filled. */
    public String html() {
        String h = Placeholders.links(parsed, i -> i < links.size() && links.get(i) != null ? links.get(i) : "href=\"#\"");
        return Placeholders.refs(h, i -> i < refs.size() ? refs.get(i) : null);
    }
}
