package dev.specsite.link;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The output paths specsite writes itself, which no alias, former path or short path of an id may
 * take: the home page, the dashboards and feeds, the redirect rule files, the folders of generated
 * pages ({@code api/}, {@code status/}, {@code owners/}, {@code tags/}, {@code search/},
 * {@code badges/}), of copied files ({@code files/}) and of themes ({@code css/}, {@code js/}, …),
 * every file of the theme's assets, and every name starting with a dot ({@code .specsite-lock},
 * {@code .specsite-cache}, …). A path is also taken when one of its folders is such a file
 * ({@code css/specsite.css/x.html}) or when it is a folder of one. Paths are compared without case,
 * as a case-insensitive file system compares them. Spec pages and redirects, which depend on the
 * specs, are checked against each other by the linker.
 */
public final class ReservedPaths {

    /** Files at the top of the site, written by the render stage. */
    private static final Set<String> TOP_FILES = Set.of("index.html", "status.html", "questions.html",
            "questions-by-owner.html", "questions-by-age.html", "requirements.html", "approvals.html",
            "timeline.html", "problems.html", "owners.html", "tags.html", "feed.xml", "_redirects",
            "redirects.nginx.conf");
    /** The further pages of the questions list: {@code questions-2.html}, … */
    private static final Pattern QUESTION_PAGES = Pattern.compile("questions-\\d+\\.html");
    /** Folders at the top of the site that hold generated pages, copied files or theme assets. */
    private static final Set<String> TOP_FOLDERS = Set.of("api", "status", "owners", "tags", "search", "badges",
            "files", "css", "js", "img", "images", "fonts", "assets");

    /** The reserved paths of a site whose theme has no asset files beyond the built-in folders. */
    public static final ReservedPaths BUILT_IN = new ReservedPaths(Set.of());

    /** The theme's asset files, and every folder of them, lower-cased. */
    private final Set<String> assetFiles;
    private final Set<String> assetFolders;

    private ReservedPaths(Set<String> assetFiles) {
        Set<String> folders = new HashSet<>();
        for (String f : assetFiles) {
            for (int i = f.indexOf('/'); i > 0; i = f.indexOf('/', i + 1)) {
                folders.add(f.substring(0, i));
            }
        }
        this.assetFiles = Set.copyOf(assetFiles);
        this.assetFolders = Set.copyOf(folders);
    }

    /** The reserved paths with the given theme asset files ({@code css/site.css}, '/'-separated). */
    public static ReservedPaths withAssets(Collection<String> assetPaths) {
        Set<String> lower = new HashSet<>();
        for (String p : assetPaths) {
            lower.add(p.toLowerCase(Locale.ROOT));
        }
        return new ReservedPaths(lower);
    }

    /**
     * Why a site path ({@code old/page.html}, normalised, no leading '/') cannot be a redirect page,
     * or {@code null} when specsite itself writes nothing there.
     */
    public String claim(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith(".") || lower.contains("/.")) {
            return "names starting with '.' are specsite's own files (.specsite-*) and hidden files";
        }
        int slash = lower.indexOf('/');
        String top = slash < 0 ? lower : lower.substring(0, slash);
        if (isTopFile(top)) {
            return slash < 0 ? top + " is a page specsite writes" : top + " is a file specsite writes, not a folder";
        }
        if (slash >= 0 && TOP_FOLDERS.contains(top)) {
            return "the folder " + top + "/ holds files specsite writes";
        }
        if (assetFiles.isEmpty()) {
            return null;
        }
        if (assetFiles.contains(lower) || assetFolders.contains(lower)) {
            return path + " is taken by the theme's assets";
        }
        for (int i = lower.indexOf('/'); i > 0; i = lower.indexOf('/', i + 1)) {
            if (assetFiles.contains(lower.substring(0, i))) {
                return path.substring(0, i) + " is a file of the theme's assets, not a folder";
            }
        }
        return null;
    }

    /**
     * Whether a top-level name (lower-cased) is one the site uses itself, as a file or a folder: no
     * short path {@code name/index.html} may take it.
     */
    public static boolean isReservedTopName(String lowerName) {
        return lowerName.startsWith(".") || isTopFile(lowerName) || TOP_FOLDERS.contains(lowerName)
                || lowerName.equals("specs");
    }

    private static boolean isTopFile(String lowerName) {
        return TOP_FILES.contains(lowerName)
                || lowerName.startsWith("questions-") && QUESTION_PAGES.matcher(lowerName).matches();
    }
}
