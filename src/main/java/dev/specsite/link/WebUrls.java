package dev.specsite.link;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises absolute URLs that point back into this site's own sources or pages: a Git web host's
 * file URL of the repository named by {@code specsite.repository.url} (GitHub
 * {@code /<owner>/<repo>/blob/<ref>/<path>}, GitLab {@code /<group>/<repo>/-/blob/<ref>/<path>},
 * {@code tree} and {@code raw} too, any ref), and URLs below {@code site.host}. Immutable.
 */
final class WebUrls {

    /** {@code <base>/[-/]blob|tree|raw/<ref>[/<path>]}: base is scheme, host and repository path. */
    private static final Pattern HOSTED = Pattern.compile(
            "^https?://(?:www\\.)?([^/]+/.+?)/(?:-/)?(?:blob|tree|raw)/([^/]+)(?:/(.*))?$", Pattern.CASE_INSENSITIVE);

    private final String repoBase;
    private final String repoRoot;
    private final String repoName;
    private final String repoFullName;
    private final String siteBase;

    /**
     * @param repositoryUrl {@code specsite.repository.url} (the blob URL of the source root), or empty
     * @param siteHost      {@code site.host}, or empty
     */
    WebUrls(String repositoryUrl, String siteHost) {
        Matcher m = HOSTED.matcher(repositoryUrl == null ? "" : repositoryUrl);
        if (m.matches()) {
            repoBase = m.group(1).toLowerCase(Locale.ROOT);
            String root = m.group(3) == null ? "" : m.group(3).replaceAll("^/+|/+$", "");
            repoRoot = root.isEmpty() ? "" : root + "/";
            String[] parts = repoBase.split("/");
            repoName = parts[parts.length - 1];
            repoFullName = parts.length >= 3 ? parts[parts.length - 2] + "/" + repoName : repoName;
        } else {
            repoBase = null;
            repoRoot = "";
            repoName = null;
            repoFullName = null;
        }
        String host = siteHost == null ? "" : siteHost.replaceAll("/+$", "");
        siteBase = host.isEmpty() ? null : stripScheme(host).toLowerCase(Locale.ROOT) + "/";
    }

    /** Whether a repository is configured ({@code specsite.repository.url}): then only its URLs are this repository's. */
    boolean repositoryConfigured() {
        return repoBase != null;
    }

    /** Whether {@code owner/name} or {@code name} (lower case) names the configured repository. */
    boolean isRepository(String repo) {
        return repo != null && repoName != null && (repo.equals(repoName) || repo.equals(repoFullName));
    }

    /**
     * The source path (relative to the source root, decoded, without fragment) a repository file URL
     * names, or {@code null} when the URL is not one of the configured repository below the source root.
     */
    String sourcePath(String url) {
        if (repoBase == null) {
            return null;
        }
        Matcher m = HOSTED.matcher(stripFragment(url));
        if (!m.matches() || !m.group(1).toLowerCase(Locale.ROOT).equals(repoBase)) {
            return null;
        }
        String path = decode(m.group(3) == null ? "" : m.group(3));
        if (!path.startsWith(repoRoot) && !(path + "/").equals(repoRoot)) {
            return null;
        }
        return path.length() <= repoRoot.length() ? "" : path.substring(repoRoot.length());
    }

    /**
     * The number of a pull or merge request of the configured repository
     * ({@code https://github.com/<owner>/<repo>/pull/1234}, GitLab {@code /-/merge_requests/1234}), or
     * -1. Where specs are numbered by the request that proposed them (Rust RFCs), this names the spec;
     * a URL with a fragment or a sub-page ({@code /files}) points at the discussion and is not one.
     */
    long requestNumber(String url) {
        if (repoBase == null || url.contains("#") || url.contains("?")) {
            return -1;
        }
        Matcher m = REQUEST.matcher(url);
        if (!m.matches() || !m.group(1).toLowerCase(Locale.ROOT).equals(repoBase)) {
            return -1;
        }
        return Long.parseLong(m.group(2));
    }

    private static final Pattern REQUEST = Pattern.compile(
            "^https?://(?:www\\.)?([^/]+/.+?)/(?:-/)?(?:pull|merge_requests)/(\\d{1,9})/?$", Pattern.CASE_INSENSITIVE);

    /** The site path (decoded, without fragment) a URL below {@code site.host} names, or {@code null}. */
    String sitePath(String url) {
        if (siteBase == null) {
            return null;
        }
        String u = stripScheme(stripFragment(url));
        if (u.toLowerCase(Locale.ROOT).startsWith(siteBase)) {
            return decode(u.substring(siteBase.length()));
        }
        if (u.equalsIgnoreCase(siteBase.substring(0, siteBase.length() - 1))) {
            return "";
        }
        return null;
    }

    /** The fragment of a URL, or {@code null}. */
    static String fragment(String url) {
        int i = url.indexOf('#');
        return i < 0 ? null : url.substring(i + 1);
    }

    private static String stripFragment(String url) {
        int i = url.indexOf('#');
        String u = i < 0 ? url : url.substring(0, i);
        int q = u.indexOf('?');
        return q < 0 ? u : u.substring(0, q);
    }

    private static String stripScheme(String url) {
        return url.replaceFirst("(?i)^https?://(?:www\\.)?", "");
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
