package dev.specsite.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

import dev.specsite.config.MentionRules;
import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.model.Spec;
import dev.specsite.model.SpecLink;
import dev.specsite.parse.ParsedSpec;

/**
 * Resolves one spec's links and mentions against the lookup tables of a run: each placeholder to a
 * {@link Resolved}, with the references, broken targets, diagnostics, consulted specs and copied
 * files it found. Only reads the tables, so specs are resolved in parallel.
 */
final class Resolver {

    private final SiteConfig config;
    private final MentionRules mentions;
    private final List<java.nio.file.PathMatcher> excludes;
    /** Distance computations of the suggestions made so far (tests check that they scale). */
    final java.util.concurrent.atomic.LongAdder comparisons = new java.util.concurrent.atomic.LongAdder();

    Resolver(SiteConfig config, MentionRules mentions) {
        this.config = config;
        this.mentions = mentions;
        List<java.nio.file.PathMatcher> m = new ArrayList<>();
        for (String glob : config.excludes()) {
            m.add(java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob));
        }
        this.excludes = List.copyOf(m);
    }

    /** Resolves a spec's references from its parse result, with the link-stage diagnostics the tables gave it. */
    Outcome resolveAnew(ParsedSpec p, Spec spec, List<Diagnostic> extra, LookupTables ix) {
        Resolution r = new Resolution(p, spec);
        r.diags.addAll(extra);
        resolve(r, ix);
        return new Outcome(p, spec, extra, r);
    }

    String resolveRelationTarget(Spec from, String target, LookupTables ix) {
        String id = ix.lowerIds.get(target.toLowerCase(Locale.ROOT));
        if (id != null) {
            return id;
        }
        String path = normalize(dirOf(from.source()), WebUrls.decode(target.replaceFirst("#.*$", "")));
        if (path != null) {
            String byPath = specPathFor(path, ix);
            if (byPath != null) {
                return ix.idByPath.get(byPath);
            }
            if (ix.formerPaths.containsKey(path)) {
                return ix.formerPaths.get(path);
            }
        }
        if (target.matches("\\d{1,9}")) {
            return ix.numbers.get(Long.parseLong(target));
        }
        return mentions.classify(target).map(m -> numberTarget(m, ix)).orElse(null);
    }

    /** The spec a numbered mention names, or {@code null}. */
    static String numberTarget(MentionRules.Mention m, LookupTables ix) {
        long number = m.number();
        if (m.kind() == MentionRules.Kind.ID) {
            Matcher wm = IdTables.WORD_NUMBER.matcher(m.id());
            if (!wm.matches() || !ix.numberWords.contains(wm.group(1).toUpperCase(Locale.ROOT))) {
                return null;
            }
            number = Long.parseLong(wm.group(2));
        }
        return ix.numbers.get(number);
    }

    private void resolve(Resolution r, LookupTables ix) {
        Spec spec = r.spec;
        List<SpecLink> links = spec.links();
        Resolved[] resolved = new Resolved[links.size()];
        for (SpecLink l : links) {
            resolved[l.index()] = l.kind().equals("mention") ? mention(r, l, ix) : link(r, l, ix);
        }
        r.countUnknown();
        List<Resolved> raw = new ArrayList<>();
        if (r.raw) {
            // raw HTML with relative links: each resolved like a Markdown link, in order
            for (SpecLink l : RawLinks.in(r.body.parsed())) {
                raw.add(link(r, l, ix));
            }
        }
        r.body = r.body.resolved(Arrays.asList(resolved), raw, spec.hash());
    }

    private Resolved mention(Resolution r, SpecLink l, LookupTables ix) {
        MentionRules.Mention m = mentions.classify(l.target()).orElse(null);
        if (m == null) {
            return Resolved.Plain.TEXT;
        }
        if (m.kind() == MentionRules.Kind.NUMBER) {
            boolean accepted = m.repo() != null ? ix.web.isRepository(m.repo())
                    : m.word() == null || ix.numberWords.contains(m.word());
            if (!accepted) {
                return Resolved.Plain.TEXT;
            }
            String resolved = ix.numbers.get(m.number());
            if (resolved == null) {
                if (m.word() != null) {
                    r.unknown(l, () -> Diagnostic.warning(r.spec.source(), l.line(), l.column(), "unknown-id",
                            "mention of " + l.target() + ", which is no spec of this site",
                            "check the number; no file name of this site starts with " + m.number()));
                    r.broken.add(l.target());
                    return new Resolved.Unknown(Resolved.Unknown.Kind.NUMBER);
                }
                return Resolved.Plain.TEXT;
            }
            return refTo(r, l, ix, resolved, null);
        }
        String id = m.id();
        String anchor = m.anchor();
        String resolved = ix.lowerIds.get(id.toLowerCase(Locale.ROOT));
        if (resolved == null && anchor == null) {
            resolved = numberTarget(m, ix);
        }
        if (resolved == null) {
            String prefix = id.substring(0, id.indexOf('-') + 1).toUpperCase(Locale.ROOT);
            if (ix.prefixes.contains(prefix)) {
                r.unknown(l, () -> {
                    String near = ix.idSuggester(comparisons).nearest(id);
                    return Diagnostic.warning(r.spec.source(), l.line(), l.column(), "unknown-id",
                            "mention of " + id + ", which is no spec of this site",
                            near == null ? "check the id" : "did you mean " + near + "?");
                });
                r.broken.add(l.target());
                return new Resolved.Unknown(Resolved.Unknown.Kind.ID);
            }
            return Resolved.Plain.TEXT;
        }
        r.consulted.add(resolved);
        if (anchor != null && !ix.anchors.get(resolved).contains(anchor)) {
            String fixed = fixAnchor(ix, resolved, anchor);
            if (fixed == null) {
                r.diags.add(Diagnostic.warning(r.spec.source(), l.line(), l.column(), "broken-anchor",
                        resolved + " has no requirement or section '" + anchor + "'",
                        suggestAnchor(anchor, ix.anchors.get(resolved))));
                r.broken.add(l.target());
            }
            anchor = fixed;
        }
        return refTo(r, l, ix, resolved, anchor);
    }

    private static Resolved refTo(Resolution r, SpecLink l, LookupTables ix, String resolved, String anchor) {
        r.refs.add(new LinkMemory.Ref(resolved, anchor, l.context(), l.line()));
        r.consulted.add(resolved);
        return new Resolved.ToSpec(resolved, anchor, ix.byId.get(resolved).title());
    }

    /** An anchor of a spec's page matched percent-decoded, then case-insensitively, or {@code null}. */
    private static String fixAnchor(LookupTables ix, String id, String anchor) {
        Set<String> all = ix.anchors.get(id);
        String decoded = WebUrls.decode(anchor);
        if (all.contains(decoded)) {
            return decoded;
        }
        for (String a : new TreeSet<>(all)) {
            if (a.equalsIgnoreCase(decoded)) {
                return a;
            }
        }
        return null;
    }

    private Resolved link(Resolution r, SpecLink l, LookupTables ix) {
        String url = l.target();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            String id = webTarget(url, ix);
            if (id == null && !ix.web.repositoryConfigured() && l.kind().equals("link")) {
                HostedTail.Named named = HostedTail.of(url, ix);
                id = named.id();
                if (!named.candidates().isEmpty()) {
                    r.diags.add(Diagnostic.info(r.spec.source(), l.line(), l.column(), "ambiguous-url",
                            "the file this URL names is one of " + named.candidates().size() + " specs ("
                                    + String.join(", ", named.candidates().subList(0, Math.min(3, named.candidates().size())))
                                    + (named.candidates().size() > 3 ? ", …" : "") + "): left as an external link",
                            "link to the spec by its relative path, or set specsite.repository.url"));
                }
            }
            if (id == null || !l.kind().equals("link")) {
                return new Resolved.External(url);
            }
            String fragment = WebUrls.fragment(url);
            if (fragment != null && !fragment.isEmpty() && HostedTail.pinned(url) && fixAnchor(ix, id, fragment) == null) {
                // a revision's anchor the spec has lost: the link keeps that revision, where it works
                r.consulted.add(id);
                r.refs.add(new LinkMemory.Ref(id, null, l.context(), l.line()));
                return new Resolved.External(url);
            }
            return specHref(r, l, ix, id, fragment, url);
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
        String decoded = WebUrls.decode(pathPart);
        if (decoded.isEmpty()) {
            // same-page anchor: matched like anchors of other pages (decoded, then case-insensitively)
            r.consulted.add(r.spec.id());
            if (fragment != null && !fragment.isEmpty() && !ix.anchors.get(r.spec.id()).contains(fragment)) {
                String fixed = fixAnchor(ix, r.spec.id(), fragment);
                if (fixed == null) {
                    r.diags.add(Diagnostic.warning(r.spec.source(), l.line(), l.column(), "broken-anchor",
                            "this spec has no section '" + fragment + "'",
                            suggestAnchor(fragment, ix.anchors.get(r.spec.id()))));
                    r.broken.add(url);
                } else {
                    fragment = fixed;
                }
            }
            return new Resolved.SamePage(fragment == null ? "" : fragment);
        }
        String resolved = decoded.startsWith("/") ? normalize("", decoded.substring(1))
                : normalize(dirOf(r.spec.source()), decoded);
        if (resolved == null) {
            r.diags.add(Diagnostic.warning(r.spec.source(), l.line(), l.column(), "link-outside-source",
                    "link '" + url + "' points outside the source folder", "link to files inside the repository"));
            r.broken.add(url);
            return new Resolved.Broken(Resolved.Broken.Reason.OUTSIDE, url);
        }
        String specPath = specPathFor(resolved, ix);
        if (specPath == null && !ix.files.contains(resolved)) {
            String exact = ix.lowerPaths.get(resolved.toLowerCase(Locale.ROOT));
            if (exact != null) {
                r.diags.add(Diagnostic.warning(r.spec.source(), l.line(), l.column(), "link-case-mismatch",
                        "link '" + url + "' differs in case from the file " + exact,
                        "write the path as " + exact + "; Git hosts and most servers match paths case-sensitively"));
                specPath = exact;
            }
        }
        String id = specPath != null ? ix.idByPath.get(specPath) : ix.formerPaths.get(resolved);
        if (id != null) {
            return specHref(r, l, ix, id, fragment, url);
        }
        if (ix.files.contains(resolved) || specPath != null) {
            if (!config.repositoryUrl().isEmpty() && l.kind().equals("link")) {
                return new Resolved.External(config.repositoryUrl() + "/" + resolved);
            }
            if (specPath == null) {
                r.copied.add(resolved); // into ix.copied once resolved, reused or not
                return new Resolved.ToFile(resolved, fragment);
            }
        }
        if ((ix.dirs.contains(resolved) || excluded(resolved)) && !config.repositoryUrl().isEmpty()) {
            // a folder, or a file the configuration keeps off the site: it lives in the repository
            return new Resolved.External(config.repositoryUrl() + "/" + resolved);
        }
        r.diags.add(Diagnostic.warning(r.spec.source(), l.line(), l.column(),
                l.kind().equals("image") ? "missing-image" : "broken-link",
                (l.kind().equals("image") ? "image '" : "link target '") + url + "' does not exist",
                ix.pathSuggester(comparisons).hint(resolved)));
        r.broken.add(url);
        return new Resolved.Broken(Resolved.Broken.Reason.MISSING, url);
    }

    /** A link to a spec page (with the fragment checked against its anchors), recorded as a reference. */
    private static Resolved specHref(Resolution r, SpecLink l, LookupTables ix, String id, String fragment,
                                     String url) {
        String anchor = fragment;
        r.consulted.add(id);
        if (anchor != null && !anchor.isEmpty() && !ix.anchors.get(id).contains(anchor)) {
            String fixed = fixAnchor(ix, id, anchor);
            if (fixed == null) {
                r.diags.add(Diagnostic.warning(r.spec.source(), l.line(), l.column(), "broken-anchor",
                        ix.byId.get(id).source() + " has no section '" + anchor + "'",
                        suggestAnchor(anchor, ix.anchors.get(id))));
                r.broken.add(url);
            }
            anchor = fixed != null ? fixed : anchor;
        }
        String at = anchor == null || anchor.isEmpty() ? null : anchor;
        r.refs.add(new LinkMemory.Ref(id, at, l.context(), l.line()));
        return new Resolved.ToSpec(id, at, null);
    }

    /**
     * The spec an absolute URL names, or {@code null}: a pull request of the configured repository whose
     * number is a spec number, a file URL of the configured repository (by its
     * path, a former path, or, for a path that no longer exists, a unique file name), or a page of
     * this site below {@code site.host} (its page, short path, a former page, or a page named like
     * the source file, as mdBook and most generators publish {@code text/0001-x.md} as {@code 0001-x.html}).
     */
    private static String webTarget(String url, LookupTables ix) {
        long request = ix.web.requestNumber(url);
        if (request >= 0) {
            return ix.numbers.get(request);
        }
        String source = ix.web.sourcePath(url);
        if (source != null) {
            String path = normalize("", source);
            if (path == null) {
                return null;
            }
            String specPath = specPathFor(path, ix);
            if (specPath != null) {
                return ix.idByPath.get(specPath);
            }
            if (ix.formerPaths.containsKey(path)) {
                return ix.formerPaths.get(path);
            }
            List<String> sameName = ix.byFileName.get(path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT));
            return sameName != null && sameName.size() == 1 ? ix.idByPath.get(sameName.get(0)) : null;
        }
        String site = ix.web.sitePath(url);
        if (site == null) {
            return null;
        }
        String path = normalize("", site);
        if (path == null || path.isEmpty()) {
            return null;
        }
        if (path.startsWith(Urls.SPEC_DIR) && path.endsWith(".html")) {
            String id = ix.slugs.get(path.substring(Urls.SPEC_DIR.length(), path.length() - 5).toLowerCase(Locale.ROOT));
            if (id != null) {
                return id;
            }
        }
        if (ix.formerPages.containsKey(path)) {
            return ix.formerPages.get(path);
        }
        String shortId = path.replaceFirst("/(index\\.html)?$", "");
        if (!shortId.contains("/")) {
            String id = ix.lowerIds.get(shortId.toLowerCase(Locale.ROOT));
            if (id != null && !shortId.endsWith(".html")) {
                return id;
            }
        }
        if (path.endsWith(".html")) {
            String md = path.substring(0, path.length() - 5) + ".md";
            String specPath = specPathFor(md, ix);
            if (specPath != null) {
                return ix.idByPath.get(specPath);
            }
            List<String> sameName = ix.byFileName.get(md.substring(md.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT));
            return sameName != null && sameName.size() == 1 ? ix.idByPath.get(sameName.get(0)) : null;
        }
        return null;
    }

    /** Whether {@code specsite.exclude} keeps a source path (or one of its folders) off the site. */
    private boolean excluded(String path) {
        if (excludes.isEmpty()) {
            return false;
        }
        for (java.nio.file.Path p = java.nio.file.Path.of(path); p != null; p = p.getParent()) {
            for (java.nio.file.PathMatcher m : excludes) {
                if (m.matches(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String specPathFor(String resolved, LookupTables ix) {
        Map<String, String> idByPath = ix.idByPath;
        if (idByPath.containsKey(resolved)) {
            return resolved;
        }
        for (String ext : List.of(".md", ".markdown")) {
            if (idByPath.containsKey(resolved + ext)) {
                return resolved + ext;
            }
        }
        String base = resolved.isEmpty() ? "" : resolved.replaceFirst("/$", "") + "/";
        if (resolved.isEmpty() || ix.dirs.contains(resolved.replaceFirst("/$", ""))) {
            for (String index : List.of("README.md", "readme.md", "Readme.md", "index.md", "_index.md")) {
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

    private static String suggestAnchor(String missing, Set<String> existing) {
        String ranOn = ranOn(missing, existing);
        if (ranOn != null) {
            return ranOn;
        }
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String a : new TreeSet<>(existing)) {
            int d = IdSuggester.distance(missing.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT));
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

    /**
     * The hint for a bare URL that ran on into the text after it ({@code …#criteria）組成，}: a bare URL
     * ends at a space, so full-width brackets and punctuation become part of it, on the Git host too):
     * when the anchor up to its first character that no heading slug has is one of the spec's.
     */
    private static String ranOn(String missing, Set<String> existing) {
        String decoded = WebUrls.decode(missing);
        for (int i = 0; i < decoded.length(); ) {
            int c = decoded.codePointAt(i);
            if (!Character.isLetterOrDigit(c) && c != '-' && c != '_') {
                String head = decoded.substring(0, i);
                return existing.contains(head) ? "the URL runs on into the text after it ('" + decoded.substring(i)
                        + "'): end it with a space or write it as [text](url) to link to #" + head : null;
            }
            i += Character.charCount(c);
        }
        return null;
    }
}
