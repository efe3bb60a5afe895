package dev.specsite.link;

import java.util.regex.Pattern;

/**
 * Whether an alias can be used at all: a former id, a former source path ({@code old/x.md}) or a
 * former page ({@code old/x.html}). Each check returns why not, or {@code null} when it can.
 */
final class AliasCheck {

    /** A drive letter ({@code C:}) or a URL scheme ({@code https:}, {@code file:}). */
    private static final Pattern SCHEME_OR_DRIVE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private AliasCheck() {
    }

    /** Whether an alias names a path (a former file or page) rather than a former id. */
    static boolean isPath(String alias) {
        return alias.indexOf('/') >= 0 || alias.indexOf('\\') >= 0 || hasPathExtension(alias);
    }

    /** Whether a path names a page ({@code .html}, {@code .htm}) rather than a source file. */
    static boolean isPage(String path) {
        return endsWithIgnoreCase(path, ".html") || endsWithIgnoreCase(path, ".htm");
    }

    /** What is wrong with an alias as written (stripped), before it is read as an id or a path. */
    static String problem(String alias) {
        if (alias.isEmpty()) {
            return "an alias is empty";
        }
        for (int i = 0; i < alias.length(); i++) {
            char c = alias.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return "alias '" + printable(alias) + "' holds a control character";
            }
        }
        if (!isPath(alias)) {
            return null;
        }
        if (alias.startsWith("/") || alias.startsWith("\\") || SCHEME_OR_DRIVE.matcher(alias).find()) {
            return "alias " + alias + " is absolute; an alias is a path from the root of the source or of the site";
        }
        if (alias.indexOf('\\') >= 0) {
            return "alias " + alias + " holds a '\\'; folders are separated by '/'";
        }
        return null;
    }

    /**
     * What is wrong with a path alias once normalised ({@code null} when it climbs above the root).
     * A former page's path is requested by browsers and written into the server rule files, so it
     * holds only unreserved URL characters, '/' and letters, digits and marks beyond ASCII (which
     * browsers and the rule files percent-encode alike); no space, quote, '%', '#', '?', '!', '*', …
     */
    static String pathProblem(String alias, String path) {
        if (path == null) {
            return "alias " + alias + " climbs above the root with '..'";
        }
        if (path.isEmpty()) {
            return "alias " + alias + " is empty after normalising";
        }
        if (!isPage(path)) {
            return null;
        }
        for (int i = 0; i < path.length(); ) {
            int c = path.codePointAt(i);
            if (!(c < 0x80 ? Urls.isUnreserved((char) c) || c == '/' : isWordCharacter(c))) {
                return "the former page " + alias + " holds '" + new String(Character.toChars(c))
                        + "'; a page path holds only letters, digits, '-', '.', '_', '~' and '/'";
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static boolean isWordCharacter(int c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean hasPathExtension(String alias) {
        return endsWithIgnoreCase(alias, ".md") || endsWithIgnoreCase(alias, ".markdown") || isPage(alias);
    }

    private static boolean endsWithIgnoreCase(String s, String suffix) {
        return s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
    }

    /** The alias with control characters shown as {@code \\uXXXX}, so a diagnostic stays one line. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
