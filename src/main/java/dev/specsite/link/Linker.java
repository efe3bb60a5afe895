package dev.specsite.link;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.model.OpenQuestion;
import dev.specsite.model.Relation;
import dev.specsite.model.Requirement;
import dev.specsite.model.Section;
import dev.specsite.model.Spec;
import dev.specsite.model.SpecLink;
import dev.specsite.parse.ParsedSpec;

/**
 * Stage 3, link: gives every spec a unique id and page, resolves relative links and id mentions,
 * computes backlinks and relations, and reports what does not resolve.
 */
public final class Linker {

    private static final Pattern LINK_ATTR = Pattern.compile("(href|src)=\"specsite:link/(\\d+)\"");
    private static final Pattern REF_ELEMENT = Pattern.compile("<specsite-ref data-i=\"(\\d+)\">(.*?)</specsite-ref>");
    private static final Map<String, String> INVERSE = Map.of(
            "supersedes", "superseded-by", "superseded-by", "supersedes", "replaces", "superseded-by");

    private final SiteConfig config;

    public Linker(SiteConfig config) {
        this.config = config;
    }

    /** Target of one resolution. */
    private record Target(String url, String specId, String anchor, String file, boolean broken) {
    }

    /** Links the parsed specs. {@code otherFiles} are the non-Markdown files of the source tree. */
    public LinkedSite link(List<ParsedSpec> parsed, Collection<String> otherFiles, List<Diagnostic> scanDiagnostics) {
        // 1. unique ids
        List<ParsedSpec> ordered = new ArrayList<>(parsed);
        ordered.sort((a, b) -> a.spec().source().compareTo(b.spec().source()));
        Map<String, String> idByPath = new HashMap<>();
        Map<String, Spec> byId = new HashMap<>();
        Map<String, String> lowerIds = new HashMap<>();
        Map<String, List<Diagnostic>> extra = new HashMap<>();
        Map<String, Integer> derivedCount = new HashMap<>();
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
            lowerIds.put(lower, id);
            idByPath.put(s.source(), id);
            byId.put(id, withId(s, id));
        }
        Set<String> prefixes = new HashSet<>();
        for (Spec s : byId.values()) {
            if (!s.idDerived()) {
                int dash = s.id().indexOf('-');
                if (dash > 0) {
                    prefixes.add(s.id().substring(0, dash + 1).toUpperCase(Locale.ROOT));
                }
            }
        }
        Set<String> files = new HashSet<>(otherFiles);
        Set<String> dirs = new HashSet<>();
        for (String f : files) {
            addDirs(f, dirs);
        }
        for (String p : idByPath.keySet()) {
            addDirs(p, dirs);
        }
        Map<String, Set<String>> anchors = new HashMap<>();
        for (Spec s : byId.values()) {
            anchors.put(s.id(), anchorsOf(s));
        }

        // 2. resolve every spec's references
        Set<String> copied = new TreeSet<>();
        Map<String, Resolution> resolutions = new TreeMap<>();
        for (ParsedSpec p : ordered) {
            String id = idByPath.get(p.spec().source());
            Spec spec = byId.get(id);
            Resolution r = new Resolution(spec, p.html(), p.diagnostics());
            r.diags.addAll(extra.getOrDefault(spec.source(), List.of()));
            resolve(r, idByPath, byId, lowerIds, prefixes, files, dirs, anchors, copied);
            resolutions.put(id, r);
        }

        // 3. backlinks and relations
        Map<String, Set<String>> from = new HashMap<>();
        Map<String, List<Backlink>> backlinks = new HashMap<>();
        for (Resolution r : resolutions.values()) {
            for (Resolution.Ref ref : r.refs) {
                if (ref.targetId().equals(r.spec.id())) {
                    continue;
                }
                from.computeIfAbsent(ref.targetId(), k -> new TreeSet<>()).add(r.spec.id());
                backlinks.computeIfAbsent(ref.targetId(), k -> new ArrayList<>())
                        .add(new Backlink(r.spec.id(), ref.context(), ref.anchor(), ref.line()));
            }
        }
        Map<String, List<ResolvedRelation>> relations = new HashMap<>();
        for (Resolution r : resolutions.values()) {
            for (Relation rel : r.spec.relations()) {
                String target = resolveRelationTarget(r.spec, rel.target(), idByPath, lowerIds);
                if (target == null) {
                    r.diags.add(Diagnostic.warning(r.spec.source(), rel.line(), 1, "unknown-relation-target",
                            rel.type() + " names '" + rel.target() + "', which is no spec of this site",
                            "use the id or the relative path of a spec"));
                }
                relations.computeIfAbsent(r.spec.id(), k -> new ArrayList<>())
                        .add(new ResolvedRelation(rel.type(), rel.target(), target, true));
            }
        }
        // inverse sides
        for (Resolution r : resolutions.values()) {
            for (ResolvedRelation rel : relations.getOrDefault(r.spec.id(), List.of())) {
                if (rel.targetId() == null || !rel.declared()) {
                    continue;
                }
                String inverse = INVERSE.getOrDefault(rel.type(), rel.type().equals("depends-on") ? "required-by"
                        : rel.type());
                List<ResolvedRelation> other = relations.computeIfAbsent(rel.targetId(), k -> new ArrayList<>());
                boolean has = other.stream().anyMatch(o -> r.spec.id().equals(o.targetId())
                        && (o.type().equals(inverse) || o.type().equals(rel.type()) && isSymmetric(rel.type())));
                if (!has) {
                    other.add(new ResolvedRelation(inverse, r.spec.id(), r.spec.id(), false));
                    if (INVERSE.containsKey(rel.type())) {
                        Spec t = byId.get(rel.targetId());
                        resolutions.get(rel.targetId()).diags.add(Diagnostic.warning(t.source(), 1, 1,
                                "one-sided-relation", r.spec.id() + " says it " + rel.type().replace('-', ' ') + " "
                                        + t.id() + ", but " + t.id() + " does not say it is " + inverse.replace('-', ' ')
                                        + " " + r.spec.id(),
                                "add '" + inverse + ": " + r.spec.id() + "' to the metadata of " + t.id()));
                    }
                }
            }
        }

        List<LinkedSpec> out = new ArrayList<>();
        for (Resolution r : resolutions.values()) {
            TreeSet<String> to = new TreeSet<>();
            r.refs.forEach(ref -> {
                if (!ref.targetId().equals(r.spec.id())) {
                    to.add(ref.targetId());
                }
            });
            List<Backlink> bl = new ArrayList<>(backlinks.getOrDefault(r.spec.id(), List.of()));
            bl.sort((a, b) -> a.fromId().equals(b.fromId()) ? Integer.compare(a.line(), b.line())
                    : a.fromId().compareTo(b.fromId()));
            List<ResolvedRelation> rels = new ArrayList<>(relations.getOrDefault(r.spec.id(), List.of()));
            rels.sort((a, b) -> (a.type() + a.target()).compareTo(b.type() + b.target()));
            r.diags.sort(Diagnostic.ORDER);
            out.add(new LinkedSpec(r.spec, Urls.specPage(r.spec.id()), r.html, List.copyOf(to),
                    List.copyOf(from.getOrDefault(r.spec.id(), Set.of())), bl, rels, r.broken, r.diags));
        }
        return new LinkedSite(out, List.copyOf(copied), scanDiagnostics);
    }

    private static boolean isSymmetric(String type) {
        return type.equals("related") || type.equals("see-also");
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

    private static Spec withId(Spec s, String id) {
        if (s.id().equals(id)) {
            return s;
        }
        return s.withId(id);
    }

    /** Every HTML id a spec page has for its body. */
    static Set<String> anchorsOf(Spec s) {
        Set<String> a = new HashSet<>();
        for (Section sec : s.sections()) {
            a.add(sec.anchor());
        }
        for (Requirement r : s.requirements()) {
            a.add(r.anchor());
        }
        for (OpenQuestion q : s.questions()) {
            a.add(q.anchor());
        }
        a.add("top");
        return a;
    }

    private String resolveRelationTarget(Spec from, String target, Map<String, String> idByPath,
                                         Map<String, String> lowerIds) {
        String id = lowerIds.get(target.toLowerCase(Locale.ROOT));
        if (id != null) {
            return id;
        }
        String path = normalize(dirOf(from.source()), target.replaceFirst("#.*$", ""));
        if (path != null) {
            String byPath = idByPath.get(path);
            if (byPath != null) {
                return byPath;
            }
        }
        return null;
    }

    /** The per-spec work of resolving. */
    private static final class Resolution {
        record Ref(String targetId, String anchor, String context, int line) {
        }

        final Spec spec;
        String html;
        final List<Diagnostic> diags;
        final List<Ref> refs = new ArrayList<>();
        final List<String> broken = new ArrayList<>();

        Resolution(Spec spec, String html, List<Diagnostic> diags) {
            this.spec = spec;
            this.html = html;
            this.diags = new ArrayList<>(diags);
        }
    }

    private void resolve(Resolution r, Map<String, String> idByPath, Map<String, Spec> byId,
                         Map<String, String> lowerIds, Set<String> prefixes, Set<String> files, Set<String> dirs,
                         Map<String, Set<String>> anchors, Set<String> copied) {
        Spec spec = r.spec;
        String page = Urls.specPage(spec.id());
        List<SpecLink> links = spec.links();
        String[] resolvedAttr = new String[links.size()];
        String[] resolvedRef = new String[links.size()];
        for (SpecLink l : links) {
            if (l.kind().equals("mention")) {
                resolvedRef[l.index()] = mention(r, l, page, lowerIds, prefixes, byId, anchors);
            } else {
                resolvedAttr[l.index()] = link(r, l, page, idByPath, byId, files, dirs, anchors, copied);
            }
        }
        String html = r.html;
        if (html.contains("specsite:link/")) {
            Matcher m = LINK_ATTR.matcher(html);
            html = m.replaceAll(mr -> {
                int i = Integer.parseInt(mr.group(2));
                String v = i < resolvedAttr.length && resolvedAttr[i] != null ? resolvedAttr[i] : "href=\"#\"";
                if (mr.group(1).equals("src")) {
                    v = v.replaceFirst("^href=", "src=");
                }
                return Matcher.quoteReplacement(v);
            });
        }
        if (html.contains("<specsite-ref")) {
            Matcher m = REF_ELEMENT.matcher(html);
            html = m.replaceAll(mr -> {
                int i = Integer.parseInt(mr.group(1));
                String text = mr.group(2);
                String v = i < resolvedRef.length ? resolvedRef[i] : null;
                return Matcher.quoteReplacement(v == null ? text : v.replace("{text}", text));
            });
        }
        r.html = html;
    }

    private String mention(Resolution r, SpecLink l, String page, Map<String, String> lowerIds, Set<String> prefixes,
                           Map<String, Spec> byId, Map<String, Set<String>> anchors) {
        String target = l.target();
        int hash = target.indexOf('#');
        String id = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        String resolved = lowerIds.get(id.toLowerCase(Locale.ROOT));
        if (resolved == null) {
            String prefix = id.substring(0, id.indexOf('-') + 1).toUpperCase(Locale.ROOT);
            if (prefixes.contains(prefix)) {
                r.diags.add(Diagnostic.warning(r.spec.source(), l.line(), l.column(), "unknown-id",
                        "mention of " + id + ", which is no spec of this site", suggestId(id, lowerIds.values())));
                r.broken.add(target);
                return "<span class=\"ref unknown\" title=\"Unknown spec id\">{text}</span>";
            }
            return null;
        }
        if (anchor != null && !anchors.get(resolved).contains(anchor)) {
            Spec t = byId.get(resolved);
            String fixed = findAnchor(t, anchor);
            if (fixed == null) {
                r.diags.add(Diagnostic.warning(r.spec.source(), l.line(), l.column(), "broken-anchor",
                        resolved + " has no requirement or section '" + anchor + "'", suggestAnchor(anchor, anchors.get(resolved))));
                r.broken.add(target);
            }
            anchor = fixed;
        }
        r.refs.add(new Resolution.Ref(resolved, anchor, l.context(), l.line()));
        Spec t = byId.get(resolved);
        String url = Urls.relative(page, Urls.specPage(resolved)) + (anchor == null ? "" : "#" + anchor);
        return "<a class=\"ref\" href=\"" + Urls.attr(url) + "\" title=\"" + Urls.attr(t.title()) + "\">{text}</a>";
    }

    /** An anchor matched case-insensitively, or {@code null}. */
    private static String findAnchor(Spec t, String anchor) {
        for (String a : anchorsOf(t)) {
            if (a.equalsIgnoreCase(anchor)) {
                return a;
            }
        }
        return null;
    }

    private String link(Resolution r, SpecLink l, String page, Map<String, String> idByPath, Map<String, Spec> byId,
                        Set<String> files, Set<String> dirs, Map<String, Set<String>> anchors, Set<String> copied) {
        String url = l.target();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return "href=\"" + Urls.attr(url) + "\"";
        }
        String fragment = null;
        String pathPart = url;
        int hash = url.indexOf('#');
        if (hash >= 0) {
            fragment = url.substring(hash + 1);
            pathPart = url.substring(0, hash);
        }
        int q = pathPart.indexOf('?');
        if (q >= 0) {
            pathPart = pathPart.substring(0, q);
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(pathPart.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = pathPart;
        }
        if (decoded.isEmpty()) {
            // same-page anchor
            if (fragment != null && !fragment.isEmpty() && !anchors.get(r.spec.id()).contains(fragment)) {
                r.diags.add(Diagnostic.warning(r.spec.source(), l.line(), l.column(), "broken-anchor",
                        "this spec has no section '" + fragment + "'", suggestAnchor(fragment, anchors.get(r.spec.id()))));
                r.broken.add(url);
            }
            return "href=\"#" + Urls.attr(fragment == null ? "" : fragment) + "\"";
        }
        String resolved = decoded.startsWith("/") ? normalize("", decoded.substring(1))
                : normalize(dirOf(r.spec.source()), decoded);
        if (resolved == null) {
            r.diags.add(Diagnostic.warning(r.spec.source(), l.line(), l.column(), "link-outside-source",
                    "link '" + url + "' points outside the source folder", "link to files inside the repository"));
            r.broken.add(url);
            return "href=\"#\" data-broken=\"outside\"";
        }
        String specPath = specPathFor(resolved, idByPath, dirs);
        if (specPath != null) {
            String id = idByPath.get(specPath);
            String anchor = fragment;
            if (anchor != null && !anchor.isEmpty() && !anchors.get(id).contains(anchor)) {
                String fixed = findAnchor(byId.get(id), anchor);
                if (fixed == null) {
                    r.diags.add(Diagnostic.warning(r.spec.source(), l.line(), l.column(), "broken-anchor",
                            specPath + " has no section '" + anchor + "'", suggestAnchor(anchor, anchors.get(id))));
                    r.broken.add(url);
                }
                anchor = fixed != null ? fixed : anchor;
            }
            r.refs.add(new Resolution.Ref(id, anchor, l.context(), l.line()));
            String target = Urls.relative(page, Urls.specPage(id)) + (anchor == null || anchor.isEmpty() ? "" : "#" + anchor);
            return "href=\"" + Urls.attr(target) + "\"";
        }
        if (files.contains(resolved)) {
            if (!config.repositoryUrl().isEmpty() && l.kind().equals("link")) {
                return "href=\"" + Urls.attr(config.repositoryUrl() + "/" + resolved) + "\"";
            }
            copied.add(resolved);
            String target = Urls.relative(page, Urls.file(resolved)) + (fragment == null ? "" : "#" + fragment);
            return "href=\"" + Urls.attr(target) + "\"";
        }
        if (dirs.contains(resolved) && !config.repositoryUrl().isEmpty()) {
            return "href=\"" + Urls.attr(config.repositoryUrl() + "/" + resolved) + "\"";
        }
        r.diags.add(Diagnostic.warning(r.spec.source(), l.line(), l.column(),
                l.kind().equals("image") ? "missing-image" : "broken-link",
                (l.kind().equals("image") ? "image '" : "link target '") + url + "' does not exist",
                suggestPath(resolved, idByPath.keySet(), files)));
        r.broken.add(url);
        return "href=\"#\" data-broken=\"" + Urls.attr(url) + "\"";
    }

    private static String specPathFor(String resolved, Map<String, String> idByPath, Set<String> dirs) {
        if (idByPath.containsKey(resolved)) {
            return resolved;
        }
        for (String ext : List.of(".md", ".markdown")) {
            if (idByPath.containsKey(resolved + ext)) {
                return resolved + ext;
            }
        }
        String base = resolved.isEmpty() ? "" : resolved.replaceFirst("/$", "") + "/";
        if (resolved.isEmpty() || dirs.contains(resolved.replaceFirst("/$", ""))) {
            for (String index : List.of("README.md", "readme.md", "index.md", "_index.md")) {
                if (idByPath.containsKey(base + index)) {
                    return base + index;
                }
            }
        }
        return null;
    }

    static String dirOf(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }

    /** Joins and normalises a relative path; {@code null} when it climbs above the root. */
    static String normalize(String dir, String rel) {
        List<String> parts = new ArrayList<>();
        if (!dir.isEmpty()) {
            parts.addAll(List.of(dir.split("/")));
        }
        for (String p : rel.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    private static String suggestPath(String missing, Collection<String> specs, Collection<String> files) {
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        String name = missing.substring(missing.lastIndexOf('/') + 1);
        for (Collection<String> c : List.of(specs, files)) {
            for (String candidate : c) {
                int d = distance(name, candidate.substring(candidate.lastIndexOf('/') + 1));
                if (d < bestScore || d == bestScore && best != null && candidate.compareTo(best) < 0) {
                    bestScore = d;
                    best = candidate;
                }
            }
        }
        if (best == null || bestScore > Math.max(3, name.length() / 2)) {
            return "check the path; it is relative to the file the link is in";
        }
        return "did you mean " + best + "?";
    }

    private static String suggestAnchor(String missing, Set<String> existing) {
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String a : new TreeSet<>(existing)) {
            int d = distance(missing.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT));
            if (d < bestScore) {
                bestScore = d;
                best = a;
            }
        }
        if (best == null || bestScore > Math.max(3, missing.length() / 2)) {
            return "link to one of the spec's section anchors";
        }
        return "did you mean #" + best + "?";
    }

    private static String suggestId(String missing, Collection<String> ids) {
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String id : new TreeSet<>(ids)) {
            int d = distance(missing, id);
            if (d < bestScore) {
                bestScore = d;
                best = id;
            }
        }
        return best == null || bestScore > 2 ? "check the id" : "did you mean " + best + "?";
    }

    /** Levenshtein distance, bounded to short strings. */
    static int distance(String a, String b) {
        if (a.length() > 200 || b.length() > 200) {
            return Integer.MAX_VALUE / 2;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

}
