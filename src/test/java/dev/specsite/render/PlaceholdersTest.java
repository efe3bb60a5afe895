package dev.specsite.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The placeholder scan gives what the regular expressions it replaced gave; a mention's text stays out of its tag. */
class PlaceholdersTest {

    private static final Pattern LINK_ATTR = Pattern.compile("(href|src)=\"specsite:link/(\\d+)\"");
    private static final Pattern REF_ELEMENT = Pattern.compile("<specsite-ref data-i=\"(\\d+)\">(.*?)</specsite-ref>");

    private static String attr(int i) {
        return i % 3 == 0 ? "href=\"#\"" : "href=\"x/" + i + ".html\" class=\"ref\"";
    }

    private static String ref(int i) {
        return i % 4 == 0 ? null : Tags.start("a", "href", "s" + i + ".html");
    }

    private static String byRegex(String html) {
        String h = LINK_ATTR.matcher(html).replaceAll(mr -> {
            String v = attr(Integer.parseInt(mr.group(2)));
            return Matcher.quoteReplacement(mr.group(1).equals("src") ? v.replaceFirst("^href=", "src=") : v);
        });
        return REF_ELEMENT.matcher(h).replaceAll(mr -> {
            String v = ref(Integer.parseInt(mr.group(1)));
            return Matcher.quoteReplacement(v == null ? mr.group(2) : v + mr.group(2) + "</a>");
        });
    }

    private static String byScan(String html) {
        return Placeholders.refs(Placeholders.links(html, PlaceholdersTest::attr), PlaceholdersTest::ref);
    }

    @Test
    void fillsLinksImagesAndMentions() {
        String html = "<p>See <a href=\"specsite:link/1\">b</a> and <img src=\"specsite:link/2\" alt=\"d\"> "
                + "and <specsite-ref data-i=\"5\">SPEC-7</specsite-ref>.</p>";
        assertEquals("<p>See <a href=\"x/1.html\" class=\"ref\">b</a> and <img src=\"x/2.html\" class=\"ref\" alt=\"d\"> "
                + "and <a href=\"s5.html\">SPEC-7</a>.</p>", byScan(html));
    }

    @Test
    void putsTheTextAfterTheTagWhateverTheTagHolds() {
        // a target titled "Target {text}": the title is escaped once and the text never enters it
        String html = "<specsite-ref data-i=\"0\">\" autofocus onfocus=\"alert(1)//</specsite-ref>";
        String filled = Placeholders.refs(html, i -> Tags.start("a", "class", "ref", "title", "Target {text} \"<'&"));
        assertEquals("<a class=\"ref\" title=\"Target {text} &quot;&lt;&#39;&amp;\">\" autofocus onfocus=\"alert(1)//</a>",
                filled);
        assertEquals("</span>", Tags.end(Tags.start("span", "class", "ref unknown")));
        assertEquals("</b>", Tags.end(Tags.start("b")));
    }

    @Test
    void leavesHtmlWithoutPlaceholdersAlone() {
        String html = "<p>nothing here: specsite:link/ and <specsite-ref without digits</p>";
        assertSame(html, Placeholders.links(html, PlaceholdersTest::attr));
        assertEquals(html, byScan(html));
    }

    @Test
    void agreesWithTheRegularExpressionsOnEdgeCases() {
        List<String> cases = List.of(
                "data-href=\"specsite:link/3\"", "xsrc=\"specsite:link/4\"", "href=\"specsite:link/\"",
                "href=\"specsite:link/12x\"", "=\"specsite:link/1\"", "rc=\"specsite:link/1\"",
                "<specsite-ref data-i=\"2\">two\nlines</specsite-ref> <specsite-ref data-i=\"3\">ok</specsite-ref>",
                "<specsite-ref data-i=\"8\">a</specsite-ref><specsite-ref data-i=\"9\">b</specsite-ref>",
                "<specsite-ref data-i=\"1\">never closed", "<specsite-ref data-i=\"x\">a</specsite-ref>",
                "<specsite-ref data-i=\"6\"></specsite-ref>", "href=\"specsite:link/7\"href=\"specsite:link/8\"");
        for (String c : cases) {
            assertEquals(byRegex(c), byScan(c), c);
        }
    }

    @Test
    void agreesWithTheRegularExpressionsOnRandomInput() {
        String[] parts = {"href", "src", "=\"", "specsite:link/", "1", "23", "\"", ">", "<specsite-ref data-i=\"",
                "</specsite-ref>", "\n", "text", " ", "<a ", "$1", "\\"};
        Random random = new Random(42);
        for (int n = 0; n < 3000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                sb.append(parts[random.nextInt(parts.length)]);
            }
            assertEquals(byRegex(sb.toString()), byScan(sb.toString()), sb.toString());
        }
    }
}
