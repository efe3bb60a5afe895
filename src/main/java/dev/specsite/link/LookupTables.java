package dev.specsite.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.specsite.model.Spec;

/**
 * Every lookup table of one link run: ids, paths, files, anchors, numbers and the rest that
 * resolving a spec's links reads. Built once per full run and only read afterwards (but for the
 * files links copied, a concurrent set); an incremental run shares the tables of the run before.
 */
final class LookupTables {
    final Map<String, String> idByPath;
    final Map<String, Spec> byId;
    final Map<String, String> lowerIds;
    final Map<String, String> lowerPaths;
    final Set<String> prefixes;
    final Set<String> files;
    final Set<String> dirs;
    final Map<String, Set<String>> anchors;
    final Set<String> copied = new java.util.concurrent.ConcurrentSkipListSet<>();
    final Map<String, String> slugs;
    /** Former source path to spec id. */
    final Map<String, String> formerPaths;
    /** File name (lower case) to the spec paths that have it. */
    final Map<String, List<String>> byFileName;
    /** Former page path (from aliases and renames) to spec id. */
    final Map<String, String> formerPages;
    /** Former pages that come from renames in git history. */
    final Set<String> renamedPages;
    final Map<Long, String> numbers;
    final Set<String> numberWords;
    WebUrls web;
    /** These tables as data ({@link #saved()}) once made, or as they were read: shared by the copies that share the tables. */
    private LinkMemory.Tables saved;
    /** Suggestions for unknown ids and missing files, made on first use (most builds need none). */
    private IdSuggester idSuggester;
    private PathSuggester pathSuggester;

    LookupTables() {
        idByPath = new HashMap<>();
        byId = new HashMap<>();
        lowerIds = new HashMap<>();
        lowerPaths = new HashMap<>();
        prefixes = new HashSet<>();
        files = new HashSet<>();
        dirs = new HashSet<>();
        anchors = new HashMap<>();
        slugs = new HashMap<>();
        formerPaths = new HashMap<>();
        byFileName = new HashMap<>();
        formerPages = new TreeMap<>();
        renamedPages = new HashSet<>();
        numbers = new HashMap<>();
        numberWords = new HashSet<>();
    }

    /**
     * The tables of an earlier run, for a run whose specs kept everything the tables are made
     * of: shared, as no run changes them once built, but for a copy of the specs by id (the
     * changed ones take their places), the anchors given, and a new set of copied files.
     */
    LookupTables(LookupTables o, Map<String, Set<String>> anchors) {
        idByPath = o.idByPath;
        byId = new HashMap<>(o.byId);
        lowerIds = o.lowerIds;
        lowerPaths = o.lowerPaths;
        prefixes = o.prefixes;
        files = o.files;
        dirs = o.dirs;
        this.anchors = anchors;
        slugs = o.slugs;
        formerPaths = o.formerPaths;
        byFileName = o.byFileName;
        formerPages = o.formerPages;
        renamedPages = o.renamedPages;
        numbers = o.numbers;
        numberWords = o.numberWords;
        web = o.web;
        saved = o.saved;
        synchronized (o) {
            idSuggester = o.idSuggester;
            pathSuggester = o.pathSuggester;
        }
    }

    /**
     * The tables of a saved {@link LinkMemory} (specs by id, anchors and {@link #web} are not in it:
     * the caller adds them).
     */
    LookupTables(LinkMemory.Tables t) {
        this();
        idByPath.putAll(t.idByPath());
        lowerIds.putAll(t.lowerIds());
        lowerPaths.putAll(t.lowerPaths());
        prefixes.addAll(t.prefixes());
        files.addAll(t.files());
        dirs.addAll(t.dirs());
        slugs.putAll(t.slugs());
        formerPaths.putAll(t.formerPaths());
        byFileName.putAll(t.byFileName());
        formerPages.putAll(t.formerPages());
        renamedPages.addAll(t.renamedPages());
        numbers.putAll(t.numbers());
        numberWords.addAll(t.numberWords());
        saved = t;
    }

    /** The suggester of ids, over the ids of these tables; it counts its comparisons in {@code counter}. */
    synchronized IdSuggester idSuggester(java.util.concurrent.atomic.LongAdder counter) {
        if (idSuggester == null) {
            idSuggester = new IdSuggester(lowerIds.values(), counter);
        }
        return idSuggester;
    }

    /** The suggester of paths, over the specs and files of these tables. */
    synchronized PathSuggester pathSuggester(java.util.concurrent.atomic.LongAdder counter) {
        if (pathSuggester == null) {
            pathSuggester = new PathSuggester(idByPath.keySet(), files, counter);
        }
        return pathSuggester;
    }

    /** These tables as data for a {@link LinkMemory}: all but those made of the parse results. */
    LinkMemory.Tables saved() {
        // the tables are only read once built: the data made once (or read) stays theirs, and a cache
        // that compares it with what it holds finds the same object
        if (saved == null) {
            saved = new LinkMemory.Tables(idByPath, lowerIds, lowerPaths, sorted(prefixes), sorted(files),
                    sorted(dirs), slugs, formerPaths, byFileName, formerPages, sorted(renamedPages), numbers,
                    sorted(numberWords));
        }
        return saved;
    }

    /** Whether every table but the per-spec titles and anchors equals the other run's. */
    boolean sameSiteWideTables(LookupTables o) {
        return idByPath.equals(o.idByPath) && lowerIds.equals(o.lowerIds) && lowerPaths.equals(o.lowerPaths)
                && prefixes.equals(o.prefixes) && files.equals(o.files) && dirs.equals(o.dirs)
                && slugs.equals(o.slugs) && formerPaths.equals(o.formerPaths) && byFileName.equals(o.byFileName)
                && formerPages.equals(o.formerPages) && renamedPages.equals(o.renamedPages)
                && numbers.equals(o.numbers) && numberWords.equals(o.numberWords);
    }

    /** A collection as a sorted list. */
    static List<String> sorted(Collection<String> c) {
        List<String> l = new ArrayList<>(c);
        l.sort(null);
        return l;
    }
}
