package dev.specsite.link;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Git host's file URL to a spec of this repository, known without configuration: where
 * {@code specsite.repository.url} is not set, a file URL of any repository on GitHub, GitLab,
 * Gitea/Forgejo or Bitbucket ({@code blob}, {@code tree}, {@code raw}, {@code src}; any branch, tag or
 * commit) names a spec when the end of its path is that spec's source path (the longest such wins:
 * {@code …/blob/main/proposals/design/0081-x.md} names {@code design/0081-x.md}), or, failing that,
 * when its file name is the name of exactly one spec. A file name that several specs share is
 * ambiguous (the link stays external, with an info diagnostic); a {@code README} or {@code index}
 * matched by its name alone never names a spec (every repository has one). A URL pinned to a commit
 * ({@link #pinned}) whose anchor the spec no longer has keeps its revision (it works on the Git host)
 * and still counts as a reference. With
 * {@code specsite.repository.url} set, {@link WebUrls} takes that repository's URLs only.
 */
final class HostedTail {

    /** What a URL's tail names: a spec id, or the specs it could be (ambiguous), or neither. */
    record Named(String id, List<String> candidates) {
        static final Named NONE = new Named(null, List.of());
    }

    /** Group 1: the branch, tag or commit; group 2: the path in the repository. */
    private static final List<Pattern> SHAPES = List.of(
            // raw.githubusercontent.com/<owner>/<repo>/<ref>/<path>
            Pattern.compile("^https?://raw\\.githubusercontent\\.com/[^/]+/[^/]+/([^/]+)/(.+)$", Pattern.CASE_INSENSITIVE),
            // Gitea, Forgejo: /<owner>/<repo>/src|raw/branch|commit|tag/<ref>/<path>
            Pattern.compile("^https?://[^/]+/[^/]+/[^/]+/(?:src|raw)/(?:branch|commit|tag)/([^/]+)/(.+)$", Pattern.CASE_INSENSITIVE),
            // GitHub, GitLab (/-/blob): /<owner or groups>/<repo>/blob|tree|raw/<ref>/<path>
            Pattern.compile("^https?://[^/]+/.+?/(?:-/)?(?:blob|tree|raw)/([^/]+)/(.+)$", Pattern.CASE_INSENSITIVE),
            // Bitbucket: /<owner>/<repo>/src|raw/<ref>/<path>
            Pattern.compile("^https?://[^/]+/[^/]+/[^/]+/(?:src|raw)/([^/]+)/(.+)$", Pattern.CASE_INSENSITIVE));

    /** A commit's hash, abbreviated or whole. */
    private static final Pattern COMMIT = Pattern.compile("(?i)[0-9a-f]{7,40}");

    private static final Pattern GENERIC_NAME = Pattern.compile("(?i)(readme|index|_index)\\.(md|markdown)");

    private HostedTail() {
    }

    /** The repository path of a Git host file URL (decoded, without query and fragment), or {@code null}. */
    static String repositoryPath(String url) {
        Matcher m = shape(url);
        if (m == null) {
            return null;
        }
        String path = WebUrls.decode(m.group(2)).replaceAll("/+$", "");
        return path.isEmpty() || path.contains("../") ? null : path;
    }

    /**
     * Whether a Git host file URL names a revision by its commit ({@code …/blob/e5266bd/text/x.md}):
     * the file as it was then, whose headings may since have changed.
     */
    static boolean pinned(String url) {
        Matcher m = shape(url);
        return m != null && COMMIT.matcher(m.group(1)).matches();
    }

    private static Matcher shape(String url) {
        String u = url;
        int cut = u.indexOf('#');
        u = cut < 0 ? u : u.substring(0, cut);
        cut = u.indexOf('?');
        u = cut < 0 ? u : u.substring(0, cut);
        for (Pattern p : SHAPES) {
            Matcher m = p.matcher(u);
            if (m.matches()) {
                return m;
            }
        }
        return null;
    }

    /** The spec a Git host file URL of an unconfigured repository names (see the class). */
    static Named of(String url, LookupTables ix) {
        String path = repositoryPath(url);
        if (path == null) {
            return Named.NONE;
        }
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length; i++) {
            String tail = String.join("/", java.util.Arrays.asList(segments).subList(i, segments.length));
            if (i == segments.length - 1 && GENERIC_NAME.matcher(tail).matches()) {
                break; // "README.md" alone names no spec: every repository has one
            }
            String source = ix.idByPath.containsKey(tail) ? tail : ix.lowerPaths.get(tail.toLowerCase(Locale.ROOT));
            if (source != null) {
                return new Named(ix.idByPath.get(source), List.of());
            }
        }
        String name = segments[segments.length - 1];
        if (GENERIC_NAME.matcher(name).matches()) {
            return Named.NONE;
        }
        List<String> sameName = ix.byFileName.get(name.toLowerCase(Locale.ROOT));
        if (sameName == null || sameName.isEmpty()) {
            return Named.NONE;
        }
        if (sameName.size() == 1) {
            return new Named(ix.idByPath.get(sameName.get(0)), List.of());
        }
        return new Named(null, sameName.stream().sorted().toList());
    }
}
