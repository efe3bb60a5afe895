package dev.specsite.link;

import java.util.List;

import dev.specsite.diag.Diagnostic;
import dev.specsite.model.Spec;

/**
 * A spec with its references resolved.
 *
 * @param spec        the parsed data
 * @param page        its page path in the site
 * @param body        the body HTML and what its placeholders resolve to (the render stage fills them)
 * @param linksTo     ids of the specs it refers to, sorted
 * @param linksFrom   ids of the specs that refer to it, sorted
 * @param backlinks   the references to it, by referring spec id then line
 * @param relations   typed relations, both declared and inverse
 * @param brokenLinks targets as written that did not resolve
 * @param diagnostics every diagnostic of this spec (parse and link), sorted
 * @param aliases     former ids (from {@code aliases} metadata and renames in git history), sorted;
 *                    each has a redirect page and resolves in mentions
 * @param formerPaths former source paths (renames in git history, path {@code aliases}), sorted;
 *                    links to them still reach this spec
 */
public record LinkedSpec(Spec spec, String page, Body body, List<String> linksTo, List<String> linksFrom,
                         List<Backlink> backlinks, List<ResolvedRelation> relations, List<String> brokenLinks,
                         List<Diagnostic> diagnostics, List<String> aliases, List<String> formerPaths) {
    public LinkedSpec {
        linksTo = List.copyOf(linksTo);
        linksFrom = List.copyOf(linksFrom);
        backlinks = List.copyOf(backlinks);
        relations = List.copyOf(relations);
        brokenLinks = List.copyOf(brokenLinks);
        diagnostics = List.copyOf(diagnostics);
        aliases = List.copyOf(aliases);
        formerPaths = List.copyOf(formerPaths);
    }

    /** The spec's id. */
    public String id() {
        return spec.id();
    }

    /** Whether any diagnostic of this spec is an error. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == dev.specsite.diag.Severity.ERROR);
    }

    /** The same spec with this body (the same one with its HTML at hand). */
    public LinkedSpec withBody(Body b) {
        return new LinkedSpec(spec, page, b, linksTo, linksFrom, backlinks, relations, brokenLinks, diagnostics, aliases,
                formerPaths);
    }

    /** The same spec with other diagnostics (checks of later stages added). */
    public LinkedSpec withDiagnostics(List<Diagnostic> all) {
        return new LinkedSpec(spec, page, body, linksTo, linksFrom, backlinks, relations, brokenLinks, all, aliases,
                formerPaths);
    }
}
