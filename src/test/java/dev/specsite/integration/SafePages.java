package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a reader's browser must never meet in a built site, read as a browser reads it (jsoup's
 * HTML parser): an event handler, a script of the site's input, a script URL, a frame, or a
 * placeholder of the link stage left in the page; in a spec's body, nothing but safe elements.
 */
final class SafePages {

    private SafePages() {
    }

    /** Checks every HTML page below {@code out}; returns how many were checked. */
    static int assertSiteSafe(Path out) throws IOException {
        List<Path> pages;
        try (Stream<Path> s = Files.walk(out)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        for (Path p : pages) {
            assertSafe(Jsoup.parse(p.toFile(), "UTF-8"), out.relativize(p).toString());
        }
        return pages.size();
    }

    /** Checks one page. */
    static void assertSafe(Document page, String name) {
        for (Element e : page.getAllElements()) {
            String tag = e.normalName();
            assertFalse(tag.startsWith("specsite"), name + ": placeholder element left: " + e);
            assertFalse(List.of("iframe", "frame", "object", "embed", "base", "applet").contains(tag), name + ": " + e);
            if (e.closest(".spec-body") != null) {
                // a spec's body: only what the safelist keeps
                assertFalse(List.of("form", "style", "svg", "math", "textarea", "button", "select", "link", "meta")
                        .contains(tag), name + ": " + e);
                assertFalse(e.hasAttr("style"), name + ": " + e);
            }
            if (tag.equals("script")) {
                // only the theme's own script file
                assertEquals("", e.data().strip(), name + ": inline script " + e);
                assertTrue(e.attr("src").endsWith("js/filter.js"), name + ": script " + e);
            }
            if (tag.equals("meta") && e.hasAttr("http-equiv")) {
                assertTrue(e.attr("content").matches("0; url=[\\w./-]+\\.html"), name + ": " + e);
            }
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                assertFalse(key.startsWith("on"), name + ": event handler " + key + " on " + e);
                assertFalse(key.equals("autofocus") || key.equals("srcdoc")
                        || key.equals("formaction"), name + ": " + key + " on " + e);
                if (key.equals("href") || key.equals("src") || key.equals("action") || key.equals("cite")
                        || key.equals("poster") || key.equals("background")) {
                    String url = a.getValue().replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
                    for (String scheme : List.of("javascript:", "vbscript:", "data:", "specsite:", "file:")) {
                        assertFalse(url.startsWith(scheme), name + ": " + key + " " + a.getValue() + " on " + e);
                    }
                }
            }
        }
    }
}
