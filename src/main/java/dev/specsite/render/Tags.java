package dev.specsite.render;

/**
 * The one escaping path of the tags a spec's body gets from its links and mentions: every attribute
 * value goes through {@link #attr}, and a mention's text is placed after the whole tag, never into it.
 */
final class Tags {

    private Tags() {
    }

    /** {@code <name a="v" …>} from a tag name and attribute names and values in turn, each value escaped. */
    static String start(String name, String... namesAndValues) {
        StringBuilder sb = new StringBuilder(64).append('<').append(name);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            sb.append(' ').append(namesAndValues[i]).append("=\"").append(attr(namesAndValues[i + 1])).append('"');
        }
        return sb.append('>').toString();
    }

    /** {@code name="v"}, the value escaped. */
    static String attribute(String name, String value) {
        return name + "=\"" + attr(value) + "\"";
    }

    /** The end tag that closes a start tag made by {@link #start}. */
    static String end(String start) {
        int space = start.indexOf(' ');
        return "</" + start.substring(1, space < 0 ? start.length() - 1 : space) + ">";
    }

    /** Escapes a string for an HTML attribute value in double quotes. */
    static String attr(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
