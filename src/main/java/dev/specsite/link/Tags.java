package dev.specsite.link;

/**
 * The start tags of the elements a mention becomes, built in one place: every attribute value goes
 * through {@link Urls#attr}, and the mention's text is placed after the whole tag, never into it.
 */
final class Tags {

    private Tags() {
    }

    /** {@code <name a="v" …>} from a tag name and attribute names and values in turn, each value escaped. */
    static String start(String name, String... namesAndValues) {
        StringBuilder sb = new StringBuilder(64).append('<').append(name);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            sb.append(' ').append(namesAndValues[i]).append("=\"").append(Urls.attr(namesAndValues[i + 1])).append('"');
        }
        return sb.append('>').toString();
    }

    /** The end tag that closes a start tag made by {@link #start}. */
    static String end(String start) {
        int space = start.indexOf(' ');
        return "</" + start.substring(1, space < 0 ? start.length() - 1 : space) + ">";
    }
}
