package dev.specsite.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.specsite.diag.Diagnostic;

/**
 * Checks the values of a configuration file that could reach outside the repository it came with.
 * A file is untrusted unless the user says otherwise ({@code --trust-config}): then each folder it
 * names ({@code content.folder}, {@code destination.folder}, {@code template.folder},
 * {@code asset.folder}) and the people file ({@code specsite.people}) must be inside the project
 * folder by real path, links resolved, and not inside {@code .git}; the output folder must not be the project itself, and a theme folder must
 * hold no link that leads outside the project. URL-valued keys accept
 * only {@code http:} and {@code https:} URLs, trusted or not; an untrusted file's regular
 * expressions must pass {@link RegexGuard}. A value that breaks a rule is
 * replaced by its default, with an error diagnostic at the key's line ({@code specsite.site-id}, which
 * can harm nothing, with a warning).
 */
final class ConfigGuard {

    /** The code of a folder outside the project. */
    static final String OUTSIDE = "config-outside-repository";
    /** The code of a regular expression that could hang the build. */
    static final String UNSAFE_PATTERN = "config-unsafe-pattern";
    /** The code of a URL that is not http: or https:. */
    static final String UNSAFE_URL = "config-unsafe-url";
    /** The code of a {@code specsite.site-id} that is not a tag URI's authority and date. */
    static final String INVALID_SITE_ID = "config-invalid-site-id";

    /** What a folder key may name. */
    enum Folder {
        /** The spec folder: the project itself or a folder inside it. */
        SOURCE(true, "--source DIR"),
        /** The output folder: a folder inside the project, never the project itself. */
        OUTPUT(false, "--output DIR"),
        /** A theme folder: the project itself or a folder inside it. */
        THEME(true, null),
        /** A file the configuration names (the people file): inside the project. */
        FILE(false, null);

        final boolean projectAllowed;
        final String option;

        Folder(boolean projectAllowed, String option) {
            this.projectAllowed = projectAllowed;
            this.option = option;
        }
    }

    private final Path file;
    private final String name;
    private final Path project;
    private final boolean trusted;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private PropertyLines lines;
    private Path realProject;

    /**
     * @param file    the configuration file, or {@code null} when there is none
     * @param project the folder relative paths are resolved against (absolute, normalised)
     * @param trusted whether the file may name folders anywhere
     */
    ConfigGuard(Path file, Path project, boolean trusted) {
        this.file = file;
        this.project = project;
        this.trusted = trusted;
        Path abs = file == null ? null : file.toAbsolutePath().normalize();
        this.name = abs == null ? "(configuration)"
                : (abs.startsWith(project) ? project.relativize(abs) : abs).toString().replace('\\', '/');
    }

    /** The configuration file as diagnostics name it: relative to the project when inside it. */
    String fileName() {
        return name;
    }

    /** The problems found so far, in line order. */
    List<Diagnostic> diagnostics() {
        return diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    }

    /**
     * The value to use for a folder key: the file's when it keeps to the rules, else the default.
     *
     * @param fromFile the file's value, or {@code null} when the file does not set the key
     * @return the value, or {@code null} when not even the default may be used
     */
    String folder(String key, String fromFile, String defaultValue, Folder kind) {
        if (trusted) {
            return fromFile != null ? fromFile : defaultValue;
        }
        if (fromFile != null) {
            String why = breaks(fromFile, kind);
            if (why == null) {
                return fromFile;
            }
            diagnostics.add(Diagnostic.error(name, line(key), 1, OUTSIDE,
                    key + " '" + fromFile + "' " + why + "; the default '" + defaultValue + "' is used",
                    hint(kind)));
        }
        return breaks(defaultValue, kind) == null ? defaultValue : null;
    }

    /**
     * The value to use for a key naming a file ({@code specsite.people}): the file's when it keeps to
     * the rules, else empty (the key's default, which names no file), with a diagnostic.
     */
    String file(String key, String fromFile, String whenRefused) {
        if (trusted || fromFile.isEmpty()) {
            return fromFile;
        }
        String why = breaks(fromFile, Folder.FILE);
        if (why == null) {
            return fromFile;
        }
        diagnostics.add(Diagnostic.error(name, line(key), 1, OUTSIDE, key + " '" + printable(fromFile) + "' " + why
                + "; " + whenRefused, hint(Folder.FILE)));
        return "";
    }

    /** Why the default of a folder key cannot be used either (for the caller's own message). */
    String whyNot(String value, Folder kind) {
        String why = breaks(value, kind);
        return why == null ? null : "'" + value + "' " + why;
    }

    /**
     * The value to use for a regular expression of an untrusted file: the file's unless
     * {@link RegexGuard} refuses it, else the default (empty: the pattern is off).
     */
    String pattern(String key, String fromFile, String defaultValue) {
        String why = trusted ? null : RegexGuard.problem(fromFile.trim());
        if (why == null) {
            return fromFile;
        }
        diagnostics.add(Diagnostic.error(name, line(key), 1, UNSAFE_PATTERN, key + " " + why + " and could make the build"
                + " run for hours on some text; " + (defaultValue.isEmpty() ? "it is off" : "the default is used"),
                "write a simpler pattern (no repetition inside a repetition, no two repetitions in a row that match"
                        + " the same characters), or give --trust-config if you trust this file"));
        return defaultValue;
    }

    /**
     * The value to use for a URL key: the value when it is empty or an http:/https: URL, else
     * empty, with a diagnostic.
     */
    String url(String key, String value) {
        if (value.isEmpty() || isWebUrl(value)) {
            return value;
        }
        diagnostics.add(Diagnostic.error(name, line(key), 1, UNSAFE_URL,
                key + " must be an http: or https: URL, not '" + printable(value) + "'; it is ignored",
                "write an absolute URL such as https://example.org/specs"));
        return "";
    }

    /**
     * The value to use for {@code specsite.site-id}: the value when it is empty or a tagging entity
     * ({@link TagEntity#problem}), else empty, with a warning: the feed's ids are then made from
     * {@code site.host}.
     */
    String siteId(String key, String value) {
        String why = value.isBlank() ? null : TagEntity.problem(value);
        if (why == null) {
            return value.strip();
        }
        diagnostics.add(Diagnostic.warning(name, line(key), 1, INVALID_SITE_ID,
                key + " must be an authority and a date (RFC 4151 tag), but " + why
                        + "; the feed's ids are made from site.host",
                "write the site's host or an e-mail address and a date its owner held it on: specs.example.com,2026"
                        + " or team@example.com,2026-01-05"));
        return "";
    }

    /** An absolute http: or https: URL with a host, without blanks or control characters. */
    static boolean isWebUrl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return false;
        }
        try {
            URI u = new URI(s);
            return u.getRawAuthority() != null && !u.getRawAuthority().isEmpty() && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private String breaks(String value, Folder kind) {
        if (value.contains("${")) {
            // JBake's own configuration, which copies the theme's assets, would expand it
            return "holds ${…}, which would be expanded";
        }
        Path p;
        try {
            p = project.resolve(value).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return "is not a path";
        }
        Path real;
        try {
            real = real(p);
        } catch (IOException e) {
            return "is a link that leads nowhere";
        }
        Path root = realProject();
        if (root == null || !real.startsWith(root)) {
            return "is outside the repository";
        }
        if (real.equals(root) && !kind.projectAllowed) {
            return "is the repository folder itself";
        }
        for (Path part : root.relativize(real)) {
            if (part.toString().equalsIgnoreCase(".git")) {
                return "is inside the repository's .git folder";
            }
        }
        if (kind == Folder.THEME && Files.isDirectory(real)) {
            // the theme's assets are copied into the site as they are: a link in them must not lead out
            String link = linkOut(real, root);
            if (link != null) {
                return "holds a link to outside the repository (" + link + ")";
            }
        }
        return null;
    }

    /** The first link below {@code dir} (not in {@code .git}) whose target is outside {@code root}, or {@code null}. */
    private static String linkOut(Path dir, Path root) {
        String[] found = new String[1];
        try {
            Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path d,
                        java.nio.file.attribute.BasicFileAttributes attrs) {
                    return d.getFileName() != null && d.getFileName().toString().equalsIgnoreCase(".git")
                            ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes attrs) {
                    if (attrs.isSymbolicLink() && !leadsInside(f, root)) {
                        found[0] = dir.relativize(f).toString().replace('\\', '/');
                        return java.nio.file.FileVisitResult.TERMINATE;
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return dir.getFileName() + " (unreadable)";
        }
        return found[0];
    }

    private static boolean leadsInside(Path link, Path root) {
        try {
            return link.toRealPath().startsWith(root);
        } catch (IOException e) {
            return true; // a dangling link copies nothing
        }
    }

    private Path realProject() {
        if (realProject == null) {
            try {
                realProject = project.toRealPath();
            } catch (IOException e) {
                return null;
            }
        }
        return realProject;
    }

    /** The real path of a folder that may not exist yet: its deepest existing ancestor's, links resolved. */
    private static Path real(Path p) throws IOException {
        Path existing = p;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        Path real = existing.toRealPath();
        return real.resolve(existing.relativize(p).toString()).normalize();
    }

    private int line(String key) {
        if (file == null) {
            return 0;
        }
        if (lines == null) {
            lines = PropertyLines.of(file);
        }
        return lines.line(key);
    }

    private static String hint(Folder kind) {
        return "a configuration file from the repository may only name " + (kind == Folder.FILE ? "files" : "folders")
                + " inside it"
                + (kind.option != null ? "; give " + kind.option + " on the command line" : "")
                + ", or --trust-config if you trust this file";
    }

    /** A value as a message shows it: at most 80 characters, control characters escaped. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
