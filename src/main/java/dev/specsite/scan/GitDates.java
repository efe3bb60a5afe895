package dev.specsite.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import dev.specsite.diag.Diagnostic;

/**
 * What Git knows about the source folder, read in ONE {@code git log} pass (never one per file):
 * when each file was first and last committed (the committer's date, and the commit's time in UTC),
 * the date of the newest commit, and which Markdown
 * paths were renamed to which (followed through chains of renames to the path at the head). Works
 * without Git: then {@link #available()} is false, every map is empty and an info says so; a shallow
 * clone is a warning.
 *
 * @param available whether the source folder is inside a Git work tree with history
 * @param shallow   whether the clone is shallow (history, and so dates, are incomplete)
 * @param headDate  ISO date of the newest commit touching the source folder, or {@code null}
 * @param files     current source-relative path → its dates
 * @param renames   former source-relative path → current path, for paths renamed in history
 * @param diagnostics notes about the history (shallow clone)
 * @param history   which history this was read from (the source folder's path in the repository and
 *                  the commit at its head), or {@code null}: the same history gives the same dates
 */
public record GitDates(boolean available, boolean shallow, String headDate, Map<String, FileDates> files,
                         Map<String, String> renames, List<Diagnostic> diagnostics, String history)
        implements java.io.Serializable {

    /**
     * The dates of one file.
     *
     * @param created    ISO date of the oldest commit that touched it, as its committer's clock showed it
     * @param modified   ISO date of the newest commit that touched it, likewise
     * @param createdAt  the time of that oldest commit in UTC ({@code 2026-03-04T10:15:30Z}), or {@code null}
     *                   when the log gave dates only
     * @param modifiedAt the time of the newest commit in UTC, or {@code null}
     */
    public record FileDates(String created, String modified, String createdAt, String modifiedAt)
            implements java.io.Serializable {

        /** Dates without times. */
        public FileDates(String created, String modified) {
            this(created, modified, null, null);
        }
    }

    /** A commit time in UTC, whatever the default time zone and locale: {@code 2026-03-04T10:15:30Z}. */
    private static final java.time.format.DateTimeFormatter UTC_TIME = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", java.util.Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    public GitDates {
        files = Map.copyOf(files);
        renames = Map.copyOf(renames);
        diagnostics = List.copyOf(diagnostics);
    }

    /** Reads the history of a source folder; never throws for a folder that is not in Git. */
    public static GitDates read(Path sourceDir) {
        return read(sourceDir, null);
    }

    /**
     * Reads the history of a source folder, or takes the last reading when the history is the same:
     * the same head commit and folder (a full clone; a shallow one can deepen under the same head).
     * Reading the whole log costs time in proportion to the history, which an incremental build after
     * an uncommitted edit need not spend.
     *
     * @param last the reading of the last build, or {@code null}
     */
    public static GitDates read(Path sourceDir, GitDates last) {
        List<String> info = run(sourceDir, "git", "rev-parse", "--show-prefix", "--is-shallow-repository", "HEAD");
        String history = null;
        if (info != null && info.size() >= 3) {
            history = info.get(0).strip() + "@" + info.get(2).strip();
            if (info.get(1).strip().equals("false") && last != null && history.equals(last.history())) {
                return last;
            }
        } else { // not a repository, or one without a commit yet
            info = run(sourceDir, "git", "rev-parse", "--show-prefix", "--is-shallow-repository");
        }
        if (info == null || info.size() < 2) {
            return new GitDates(false, false, null, Map.of(), Map.of(), List.of(Diagnostic.info(".", 0, 0,
                    "no-git-history", "the source folder is not in a git repository (or git is not installed); "
                            + "dates come from the specs only and renames are not followed",
                    "build from a git checkout to get file dates and redirects for renamed specs")), null);
        }
        String prefix = info.get(0).strip();
        boolean shallow = info.get(1).strip().equals("true");
        List<String> log = run(sourceDir, "git", "-c", "core.quotepath=off", "log", "--format=%x01%cI",
                "--name-status", "-M", "--no-color", "--", ".");
        if (log == null) {
            return new GitDates(false, false, null, Map.of(), Map.of(), List.of(Diagnostic.info(".", 0, 0,
                    "no-git-history", "git log failed; dates come from the specs only and renames are not followed",
                    null)), null);
        }
        GitDates read = parse(log, prefix, shallow);
        return new GitDates(read.available(), read.shallow(), read.headDate(), read.files(), read.renames(),
                read.diagnostics(), history);
    }

    /**
     * Reads the output of {@code git log --format=%x01%cI --name-status -M} (newest commit first): each
     * commit's strict ISO 8601 time with the committer's offset ({@code 2026-03-04T12:15:30+02:00}), whose
     * first ten characters are the committer's date; a line of a date alone ({@code %cs}) gives no time.
     *
     * @param prefix  the source folder's path in the repository ({@code git rev-parse --show-prefix})
     * @param shallow whether the clone is shallow
     */
    public static GitDates parse(List<String> log, String prefix, boolean shallow) {
        Map<String, String> current = new HashMap<>(); // any path once seen -> its current path
        Map<String, String[]> dates = new TreeMap<>(); // path -> created, modified, createdAt, modifiedAt
        Map<String, String> renames = new TreeMap<>();
        String date = null;
        String time = null;
        String head = null;
        for (String line : log) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.charAt(0) == '\u0001') {
                String stamp = line.substring(1).strip();
                date = stamp.length() > 10 ? stamp.substring(0, 10) : stamp;
                time = utc(stamp);
                if (head == null) {
                    head = date;
                }
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length < 2 || date == null) {
                continue;
            }
            String status = parts[0];
            String path = strip(prefix, parts[parts.length - 1]);
            if (path == null) {
                continue;
            }
            String now = current.getOrDefault(path, path);
            if (status.startsWith("D")) {
                // deleted in a later commit: not a current file; remember so older entries do not count
                current.putIfAbsent(path, "\u0000deleted");
                continue;
            }
            if (now.startsWith("\u0000")) {
                continue;
            }
            String[] d = dates.computeIfAbsent(now, k -> new String[4]);
            if (d[1] == null) {
                d[1] = date;
                d[3] = time;
            }
            d[0] = date;
            d[2] = time;
            if (status.startsWith("R") && parts.length >= 3) {
                String old = strip(prefix, parts[1]);
                if (old != null && !old.equals(now)) {
                    current.put(old, now);
                    if (isMarkdown(old) && isMarkdown(now)) {
                        renames.put(old, now);
                    }
                }
            }
        }
        Map<String, FileDates> files = new TreeMap<>();
        dates.forEach((p, d) -> files.put(p, new FileDates(d[0], d[1], d[2], d[3])));
        List<Diagnostic> diags = new ArrayList<>();
        if (shallow) {
            diags.add(Diagnostic.warning(".", 0, 0, "shallow-git-history",
                    "the source is a shallow git clone; dates and renames older than its history are missing",
                    "fetch the full history (git fetch --unshallow, or fetch-depth: 0 in CI)"));
        }
        return new GitDates(true, shallow, head, files, renames, diags, null);
    }

    /** The UTC time of a strict ISO 8601 commit time, or {@code null} for anything else (a date alone). */
    static String utc(String stamp) {
        if (stamp.length() <= 10) {
            return null;
        }
        try {
            return UTC_TIME.format(java.time.OffsetDateTime.parse(stamp, java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isMarkdown(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        return p.endsWith(".md") || p.endsWith(".markdown");
    }

    private static String strip(String prefix, String repoPath) {
        if (!repoPath.startsWith(prefix)) {
            return null;
        }
        return repoPath.substring(prefix.length());
    }

    /** Runs a command in a folder; its output lines, or {@code null} when it fails. */
    private static List<String> run(Path dir, String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    lines.add(l);
                }
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? lines : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
