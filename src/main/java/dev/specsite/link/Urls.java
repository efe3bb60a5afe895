package dev.specsite.link;

/**
 * The one place that owns URLs: where each page kind lives in the output and how one page links
 * to another. Every URL specsite writes is relative, so a site works from any folder or host.
 */
public final class Urls {

    /** The folder spec pages live in. */
    public static final String SPEC_DIR = "specs/";
    /** The folder files referenced by specs (images, attachments) are copied to. */
    public static final String FILE_DIR = "files/";

    private Urls() {
    }

    /** The page path of a spec, from its id, so that renaming the file keeps the URL. */
    public static String specPage(String id) {
        return SPEC_DIR + slug(id) + ".html";
    }

    /**
     * The short path of an id, {@code SPEC-042/index.html}, so that {@code https://<site>/SPEC-042}
     * works; {@code null} when the id's slug is a file or folder of the site itself ({@link ReservedPaths}).
     */
    public static String shortPath(String id) {
        String slug = slug(id);
        if (ReservedPaths.isReservedTopName(slug.toLowerCase(java.util.Locale.ROOT))) {
            return null;
        }
        return slug + "/index.html";
    }

    /** The site path as a web server sees it: {@code index.html} dropped, so {@code SPEC-042/} and {@code ""}. */
    public static String served(String path) {
        if (path.equals("index.html")) {
            return "";
        }
        return path.endsWith("/index.html") ? path.substring(0, path.length() - "index.html".length()) : path;
    }

    /**
     * The canonical URL of a page: absolute below {@code site.host} when one is configured; without a
     * host, the page's path relative to {@code fromPage} (for a page itself, its own file name), so
     * that a site copied to any folder still names one canonical page.
     */
    public static String canonical(String siteHost, String fromPage, String toPage) {
        if (siteHost != null && !siteHost.isEmpty()) {
            return siteHost + "/" + served(toPage);
        }
        String rel = relative(fromPage, toPage);
        return rel.isEmpty() ? "./" : rel;
    }

    /** The output path of a copied source file. */
    public static String file(String sourcePath) {
        return FILE_DIR + sourcePath;
    }

    /** An id as a file-name-safe slug (letters, digits, '.', '_', '-'; case kept). */
    public static String slug(String id) {
        if (isSlug(id)) {
            return id; // the usual case: an id such as SPEC-042 is its own slug
        }
        String s = id.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        return s.isEmpty() ? "spec" : s;
    }

    private static boolean isSlug(String id) {
        if (id.isEmpty() || id.charAt(0) == '-' || id.charAt(0) == '.' || id.charAt(id.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The relative prefix from a page to the site root ({@code ""} or {@code "../"}, …). */
    public static String rootOf(String page) {
        int depth = 0;
        for (int i = 0; i < page.length(); i++) {
            if (page.charAt(i) == '/') {
                depth++;
            }
        }
        return "../".repeat(depth);
    }

    /** A relative URL from one page to another site path. */
    public static String relative(String fromPage, String toPath) {
        int slash = fromPage.lastIndexOf('/');
        String fromDir = slash < 0 ? "" : fromPage.substring(0, slash + 1);
        if (!fromDir.isEmpty() && toPath.startsWith(fromDir)) {
            return toPath.substring(fromDir.length());
        }
        return rootOf(fromPage) + toPath;
    }

    /** Whether a character is an unreserved URL character (RFC 3986): {@code A-Z a-z 0-9 - . _ ~}. */
    public static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    /**
     * A path for a server rule file: unreserved characters and '/' as they are, every other byte of
     * its UTF-8 form (a '%' included) as {@code %XX}, so that the path is one field and can add
     * nothing to the file's syntax (no space, quote, '#', ';', '!', '*', ':' or '$').
     */
    public static String rulePath(String path) {
        boolean plain = true;
        for (int i = 0; i < path.length() && plain; i++) {
            plain = isUnreserved(path.charAt(i)) || path.charAt(i) == '/';
        }
        if (plain) {
            return path;
        }
        StringBuilder sb = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (isUnreserved(c) || c == '/')) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
