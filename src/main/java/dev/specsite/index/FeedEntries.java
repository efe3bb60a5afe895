package dev.specsite.index;

import java.util.ArrayList;
import java.util.List;

import dev.specsite.diag.Diagnostic;
import dev.specsite.index.Dashboards.FeedEntry;
import dev.specsite.link.LinkedSpec;
import dev.specsite.model.Spec;
import dev.specsite.scan.GitDates;

/**
 * The feed's entries: one per spec that has a time, newest first. What the author declared comes
 * first, as on every other page (the index's last change is the declared date, else Git's); Git
 * gives the time of day of a declared date when the file has a commit on that day, and the times
 * of a spec that declares no date.
 */
final class FeedEntries {

    /** The code of the note that no spec has a date. */
    static final String NO_DATES = "no-dates";

    private FeedEntries() {
    }

    /** The entries of specs in id order: newest update first, specs of one instant in id order. */
    static List<FeedEntry> of(List<LinkedSpec> specs, GitDates git) {
        List<FeedEntry> out = new ArrayList<>();
        for (LinkedSpec s : specs) {
            FeedEntry e = entry(s, git.files().get(s.spec().source()));
            if (e != null) {
                out.add(e);
            }
        }
        out.sort((x, y) -> y.updated().compareTo(x.updated())); // stable: specs in id order stay so
        return out;
    }

    /** The entry of a spec, or {@code null} when neither the spec nor Git dates it. */
    static FeedEntry entry(LinkedSpec s, GitDates.FileDates g) {
        Spec p = s.spec();
        String published = p.created() != null ? atCommit(p.created(), g, true)
                : g != null ? g.createdAt() : null;
        String updated = p.lastDate() != null ? atCommit(p.lastDate(), g, false)
                : g != null ? g.modifiedAt() : null;
        return updated == null ? null : new FeedEntry(s, published, updated);
    }

    /**
     * A declared date as an instant: the time of the file's commit on that day (by its committer's
     * clock) when Git has one, the first commit's or the last's as {@code first} says which to try
     * first; else midnight UTC.
     */
    static String atCommit(String date, GitDates.FileDates g, boolean first) {
        if (g != null) {
            String a = first ? g.createdAt() : g.modifiedAt();
            String b = first ? g.modifiedAt() : g.createdAt();
            if (date.equals(first ? g.created() : g.modified()) && a != null) {
                return a;
            }
            if (date.equals(first ? g.modified() : g.created()) && b != null) {
                return b;
            }
        }
        return date + "T00:00:00Z";
    }

    /** Why the feed has no entry, when there are specs and none has a time; else {@code null}. */
    static Diagnostic undated(int specs, List<FeedEntry> entries, GitDates git) {
        if (specs == 0 || !entries.isEmpty()) {
            return null;
        }
        String why = git.available() ? "none of them is committed to Git yet" : "the source folder has no Git history";
        return Diagnostic.info(".", 0, 0, NO_DATES, "no spec declares a date and " + why
                        + ": the feed (feed.xml) and the timeline have no entries",
                "declare a date in a spec (**Created**: 2026-01-05), or build from a Git checkout where the specs are committed");
    }
}
