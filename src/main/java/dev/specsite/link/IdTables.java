package dev.specsite.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.specsite.config.MentionRules;
import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.model.Spec;
import dev.specsite.model.SpecLink;
import dev.specsite.parse.ParsedSpec;
import dev.specsite.parse.SpecParser;

/**
 * The first pass of a full link run: every spec's unique id and page, and the lookup tables that
 * resolving reads (paths, files, folders, anchors, former paths and pages from aliases and renames,
 * spec numbers and number words), with the diagnostics they give. Keeps the word-and-number
 * mentions of the parse results it saw, so that the next run counts only the changed specs again.
 */
final class IdTables {

    /** How many distinct existing spec numbers a word must name before it counts as a number word. */
    private static final int MIN_WORD_HITS = 3;
    static final Pattern WORD_NUMBER = Pattern.compile("([A-Za-z]{3,8})-(\\d{1,9})");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d{1,9})(?:[-_. ]|$)");
    private static final Pattern LEADING_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}");

    private final SiteConfig config;
    private final ReservedPaths reserved;
    private final MentionRules mentions;

    IdTables(SiteConfig config, ReservedPaths reserved, MentionRules mentions) {
        this.config = config;
        this.reserved = reserved;
        this.mentions = mentions;
    }

    /**
     * What the first pass made.
     *
     * @param extra       link-stage diagnostics of each source (duplicate ids, aliases, numbers)
     * @param aliasIds    per spec id, its former ids
     * @param formerPaths per spec id, its former source paths
     * @param contested   sources whose file-name number other specs share
     * @param wordCounts  per word of a numbered mention, how many mentions name each number
     * @param words       per parse result (by identity), its word-and-number mentions
     */
    record Built(LookupTables ix, Map<String, List<Diagnostic>> extra, Map<String, TreeSet<String>> aliasIds,
                 Map<String, TreeSet<String>> formerPaths, Set<String> contested,
                 Map<String, Map<Long, Integer>> wordCounts, Map<ParsedSpec, List<WordNumber>> words) {
    }

    /**
     * Gives the specs (by source path) unique ids and makes the lookup tables. {@code seen} holds the
     * word-and-number mentions a run before found in parse results (by identity), which need not be
     * read again; it is not changed.
     */
    Built build(List<ParsedSpec> ordered, Collection<String> otherFiles, Map<String, String> renames,
                Map<ParsedSpec, List<WordNumber>> seen) {
        LookupTables ix = new LookupTables();
        Map<String, String> idByPath = ix.idByPath;
        Map<String, Spec> byId = ix.byId;
        Map<String, String> lowerIds = ix.lowerIds;
        Map<String, List<Diagnostic>> extra = new HashMap<>();
        Map<String, Integer> derivedCount = new HashMap<>();
        Map<String, String> pageIds = new HashMap<>();
        for (ParsedSpec p : ordered) {
            if (p.spec().idDerived()) {
                derivedCount.merge(p.spec().id().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        for (ParsedSpec p : ordered) {
            Spec s = p.spec();
            String id = s.id();
            if (s.idDerived() && derivedCount.get(id.toLowerCase(Locale.ROOT)) > 1) {
                id = s.source().replaceFirst("(?i)\\.(md|markdown)$", "").replaceAll("[^\\p{L}\\p{N}._-]+", "-");
            }
            String lower = id.toLowerCase(Locale.ROOT);
            if (lowerIds.containsKey(lower)) {
                String other = lowerIds.get(lower);
                String unique = id;
                for (int i = 2; lowerIds.containsKey(unique.toLowerCase(Locale.ROOT)); i++) {
                    unique = id + "-" + i;
                }
                extra.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(Diagnostic.error(s.source(), 1, 1,
                        "duplicate-id", "id " + id + " is already used by " + byId.get(other).source()
                                + "; this spec is published as " + unique,
                        "give each spec its own id"));
                id = unique;
                lower = id.toLowerCase(Locale.ROOT);
            }
            String page = Urls.slug(id).toLowerCase(Locale.ROOT);
            if (pageIds.containsKey(page)) { // ids apart whose pages are one (ü.md and ö.md: specs/spec.html)
                String unique = Urls.slug(id);
                for (int i = 2; pageIds.containsKey(unique.toLowerCase(Locale.ROOT))
                        || lowerIds.containsKey(unique.toLowerCase(Locale.ROOT)); i++) {
                    unique = Urls.slug(id) + "-" + i;
                }
                extra.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(Diagnostic.warning(s.source(), 1, 1,
                        "page-conflict", "the page of " + id + " would be " + Urls.specPage(id) + ", the page of "
                                + pageIds.get(page) + "; this spec is published as " + unique,
                        "give the spec an id of letters, digits, '.', '_' and '-'"));
                id = unique;
                lower = id.toLowerCase(Locale.ROOT);
                page = lower;
            }
            pageIds.put(page, id);
            lowerIds.put(lower, id);
            idByPath.put(s.source(), id);
            byId.put(id, withId(s, id));
        }
        for (Map.Entry<String, String> e : idByPath.entrySet()) {
            ix.lowerPaths.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getKey());
        }
        Set<String> prefixes = ix.prefixes;
        for (Spec s : byId.values()) {
            if (!s.idDerived()) {
                int dash = s.id().indexOf('-');
                if (dash > 0) {
                    prefixes.add(s.id().substring(0, dash + 1).toUpperCase(Locale.ROOT));
                }
            }
        }
        ix.files.addAll(otherFiles);
        for (String f : ix.files) {
            addDirs(f, ix.dirs);
        }
        for (String p : idByPath.keySet()) {
            addDirs(p, ix.dirs);
        }
        for (ParsedSpec p : ordered) {
            ix.anchors.put(idByPath.get(p.spec().source()), p.anchors());
        }
        for (Spec s : byId.values()) {
            ix.slugs.putIfAbsent(Urls.slug(s.id()).toLowerCase(Locale.ROOT), s.id());
        }
        Map<String, TreeSet<String>> aliasIds = new TreeMap<>();
        Map<String, TreeSet<String>> formerPaths = new TreeMap<>();
        formerPathsAndAliases(ix, renames, extra, aliasIds, formerPaths);
        Set<String> contested = numbers(ix, ordered, extra);
        Map<ParsedSpec, List<WordNumber>> words = new IdentityHashMap<>();
        Map<String, Map<Long, Integer>> wordCounts = learnNumberWords(ix, ordered, seen, words);
        return new Built(ix, extra, aliasIds, formerPaths, contested, wordCounts, words);
    }

    /** Reads {@code aliases} and renames: former ids, former paths and the pages they had. */
    private void formerPathsAndAliases(LookupTables ix, Map<String, String> renames, Map<String, List<Diagnostic>> extra,
                                       Map<String, TreeSet<String>> aliasIds, Map<String, TreeSet<String>> formerPaths) {
        ix.web = new WebUrls(config.repositoryUrl(), config.siteHost());
        for (String p : new TreeSet<>(ix.idByPath.keySet())) {
            String name = p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            ix.byFileName.computeIfAbsent(name, k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, String> e : new TreeMap<>(renames).entrySet()) {
            String id = ix.idByPath.get(e.getValue());
            if (id == null || ix.idByPath.containsKey(e.getKey())) {
                continue;
            }
            ix.formerPaths.putIfAbsent(e.getKey(), id);
            formerPaths.computeIfAbsent(id, k -> new TreeSet<>()).add(e.getKey());
            Spec s = ix.byId.get(id);
            if (s.idDerived()) {
                String oldId = SpecParser.derivedId(e.getKey());
                if (!ix.lowerIds.containsKey(oldId.toLowerCase(Locale.ROOT))) {
                    if (ix.formerPages.putIfAbsent(Urls.specPage(oldId), id) == null) {
                        ix.renamedPages.add(Urls.specPage(oldId));
                    }
                    aliasIds.computeIfAbsent(id, k -> new TreeSet<>()).add(oldId);
                }
            }
        }
        for (String id : new TreeSet<>(ix.byId.keySet())) {
            Spec s = ix.byId.get(id);
            for (String alias : s.aliases()) {
                String a = alias.strip();
                String path = null;
                String problem = AliasCheck.problem(a);
                if (problem == null && AliasCheck.isPath(a)) {
                    path = Resolver.normalize("", a);
                    problem = AliasCheck.pathProblem(a, path);
                }
                if (problem != null) {
                    extra.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(Diagnostic.warning(s.source(),
                            RedirectPlan.aliasLine(s), 1, "alias-invalid", problem + "; the alias is not used",
                            "write a former id, or a former path from the root of the source (old/x.md) or of the"
                                    + " site (specs/OLD-1.html)"));
                    continue;
                }
                if (path != null) {
                    String claim = AliasCheck.isPage(path) ? reserved.claim(path) : null;
                    if (claim != null) {
                        extra.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(Diagnostic.warning(s.source(),
                                RedirectPlan.aliasLine(s), 1, "reserved-path", "alias " + a + " is a path the site uses itself ("
                                        + claim + "); no redirect written", "remove the alias; the spec keeps its own page"));
                    } else if (AliasCheck.isPage(path)) {
                        String other = ix.formerPages.putIfAbsent(path, id);
                        if (other != null && !other.equals(id)) {
                            extra.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(Diagnostic.warning(s.source(),
                                    RedirectPlan.aliasLine(s), 1, "alias-conflict", "alias " + a + " is already a former page of "
                                            + other + "; it leads there", "remove the alias from one of the two specs"));
                        }
                    } else {
                        String other = ix.formerPaths.putIfAbsent(path, id);
                        if (other != null && !other.equals(id)) {
                            extra.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(Diagnostic.warning(s.source(),
                                    RedirectPlan.aliasLine(s), 1, "alias-conflict", "alias " + a + " is already a former path of "
                                            + other + "; links to it lead there", "remove the alias from one of the two specs"));
                            continue;
                        }
                        formerPaths.computeIfAbsent(id, k -> new TreeSet<>()).add(path);
                        // the page the file had while its id was derived from its name
                        String formerPage = Urls.specPage(SpecParser.derivedId(path));
                        if (!formerPage.equals(Urls.specPage(id))
                                && !ix.lowerIds.containsKey(SpecParser.derivedId(path).toLowerCase(Locale.ROOT))) {
                            ix.formerPages.putIfAbsent(formerPage, id);
                        }
                    }
                    continue;
                }
                String other = ix.lowerIds.get(a.toLowerCase(Locale.ROOT));
                if (other != null) {
                    if (!other.equals(id)) {
                        extra.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(Diagnostic.warning(s.source(),
                                RedirectPlan.aliasLine(s), 1, "alias-conflict", "alias " + a + " is already the id or an alias of "
                                        + other, "remove the alias from one of the two specs"));
                    }
                    continue;
                }
                ix.lowerIds.put(a.toLowerCase(Locale.ROOT), id);
                aliasIds.computeIfAbsent(id, k -> new TreeSet<>()).add(a);
                ix.formerPages.putIfAbsent(Urls.specPage(a), id);
            }
        }
    }

    /**
     * Number aliases: a file name starting with a number ({@code 0042-x.md}) gives its spec the number
     * 42. When several files share a number, the longest spec takes it (a stub that only points at the
     * other loses); a tie leaves the number to nobody. Returns the sources of the specs that share a number.
     */
    private Set<String> numbers(LookupTables ix, List<ParsedSpec> ordered, Map<String, List<Diagnostic>> extra) {
        Set<String> contested = new HashSet<>();
        if (!mentions.numbersFromFileNames()) {
            return contested;
        }
        Map<Long, List<Spec>> byNumber = new TreeMap<>();
        for (ParsedSpec p : ordered) {
            String name = p.spec().source().substring(p.spec().source().lastIndexOf('/') + 1);
            Matcher m = LEADING_NUMBER.matcher(name);
            if (m.find() && !LEADING_DATE.matcher(name).find()) {
                Spec s = ix.byId.get(ix.idByPath.get(p.spec().source()));
                byNumber.computeIfAbsent(Long.parseLong(m.group(1)), k -> new ArrayList<>()).add(s);
            }
        }
        for (Map.Entry<Long, List<Spec>> e : byNumber.entrySet()) {
            List<Spec> specs = new ArrayList<>(e.getValue());
            if (specs.size() > 1) {
                specs.forEach(s -> contested.add(s.source()));
            }
            specs.sort((a, b) -> Integer.compare(b.words(), a.words()));
            if (specs.size() == 1 || specs.get(0).words() > specs.get(1).words()) {
                ix.numbers.put(e.getKey(), specs.get(0).id());
            } else {
                for (Spec s : specs) {
                    extra.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(Diagnostic.info(s.source(), 1, 1,
                            "ambiguous-number", "several specs start their file name with " + e.getKey()
                                    + "; mentions of that number stay plain text", "give each spec its own number"));
                }
            }
        }
        return contested;
    }

    /**
     * The words that may stand before a spec number: configured, or learnt from the mentions: a word
     * is taken when it names at least three existing spec numbers and more existing than missing ones.
     */
    private Map<String, Map<Long, Integer>> learnNumberWords(LookupTables ix, List<ParsedSpec> ordered,
                                                             Map<ParsedSpec, List<WordNumber>> seen,
                                                             Map<ParsedSpec, List<WordNumber>> next) {
        Map<String, Map<Long, Integer>> counts = new HashMap<>();
        if (!mentions.numberWords().isEmpty()) {
            ix.numberWords.addAll(mentions.numberWords());
            return counts;
        }
        for (ParsedSpec p : ordered) {
            List<WordNumber> named = seen.get(p);
            if (named == null) {
                named = wordNumbers(p);
            }
            next.put(p, named);
            for (WordNumber w : named) {
                counts.computeIfAbsent(w.word(), k -> new HashMap<>()).merge(w.number(), 1, Integer::sum);
            }
        }
        counts.forEach((word, numbers) -> {
            if (isNumberWord(numbers.keySet(), ix)) {
                ix.numberWords.add(word);
            }
        });
        return counts;
    }

    /** Whether the numbers a word stands before make it a number word (see {@link #learnNumberWords}). */
    static boolean isNumberWord(Set<Long> named, LookupTables ix) {
        int hits = 0;
        for (long n : named) {
            if (ix.numbers.containsKey(n)) {
                hits++;
            }
        }
        return hits >= MIN_WORD_HITS && hits > named.size() - hits;
    }

    /** A word and the number after it in a mention ({@code RFC 246}). */
    record WordNumber(String word, long number) {
    }

    /** The word-and-number mentions of a spec. */
    List<WordNumber> wordNumbers(ParsedSpec p) {
        List<WordNumber> out = new ArrayList<>();
        for (SpecLink l : p.spec().links()) {
            if (!l.kind().equals("mention")) {
                continue;
            }
            mentions.classify(l.target()).ifPresent(m -> {
                String word = m.word();
                long number = m.number();
                if (m.kind() == MentionRules.Kind.ID) {
                    Matcher wm = WORD_NUMBER.matcher(m.id());
                    if (!wm.matches() || m.anchor() != null) {
                        return;
                    }
                    word = wm.group(1).toUpperCase(Locale.ROOT);
                    number = Long.parseLong(wm.group(2));
                }
                if (word != null) {
                    out.add(new WordNumber(word, number));
                }
            });
        }
        return List.copyOf(out);
    }

    private static void addDirs(String path, Set<String> dirs) {
        int i = path.lastIndexOf('/');
        while (i > 0) {
            path = path.substring(0, i);
            if (!dirs.add(path)) {
                return;
            }
            i = path.lastIndexOf('/');
        }
    }

    static Spec withId(Spec s, String id) {
        if (s.id().equals(id)) {
            return s;
        }
        return s.withId(id);
    }
}
