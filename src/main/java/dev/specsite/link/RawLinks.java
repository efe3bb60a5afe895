package dev.specsite.link;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.specsite.model.SpecLink;

/**
 * The relative {@code href} and {@code src} values of a body's raw HTML ({@code <img src="x/diagram.svg">}),
 * which the parse stage leaves as written: the link stage resolves each like a Markdown link, in the
 * order {@link #ATTRIBUTE} finds them, and the render stage writes the k-th found with the k-th result.
 */
public final class RawLinks {

    /** A relative {@code href} or {@code src} in a body before its placeholders are filled; group 1 the name, 2 the value. */
    public static final Pattern ATTRIBUTE =
            Pattern.compile("(?<=\\s)(href|src)=\"(?!#|specsite:|//|[a-zA-Z][a-zA-Z0-9+.-]*:)([^\"]+)\"");

    private RawLinks() {
    }

    /**
     * The raw links of a body as links to resolve, in order: an image for {@code src}; the parse stage
     * records no position for them, so they name line 0.
     */
    static List<SpecLink> in(String html) {
        List<SpecLink> out = new ArrayList<>();
        Matcher m = ATTRIBUTE.matcher(html);
        while (m.find()) {
            String value = m.group(2).replace("&amp;", "&");
            out.add(new SpecLink(-1, m.group(1).equals("src") ? "image" : "link", value, "", 0, 0));
        }
        return out;
    }
}
