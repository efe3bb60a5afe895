package dev.specsite.link;

import java.util.List;
import java.util.Map;

import dev.specsite.diag.Diagnostic;

/**
 * What a {@link Linker} keeps of its last run, as plain data: what the command line's build cache
 * stores, so that the next process can link incrementally as a long-lived builder does (only the
 * changed specs resolved again) instead of linking every spec anew. {@link Linker#memory()} makes
 * it, {@link Linker#remember} takes it back with the parse results it was made of.
 * <p>
 * What is cheap to make again is left out: the specs by id and their anchors (from the parse
 * results), each spec's linked form and who refers to it (from the entries).
 *
 * @param tables       the site-wide lookup tables
 * @param renames      the renames the run was given (former source path to path)
 * @param contested    sources whose file-name number other specs share
 * @param wordCounts   per word of a numbered mention, how many mentions name each number
 * @param redirects    the redirect pages
 * @param redirectDiags the diagnostics the redirects gave
 * @param entries      per source path, what the run made of that spec
 */
public record LinkMemory(Tables tables, Map<String, String> renames, List<String> contested,
                         Map<String, Map<Long, Integer>> wordCounts, List<Redirect> redirects,
                         List<Diagnostic> redirectDiags, Map<String, Entry> entries) {

    /**
     * The lookup tables of a run but for those made of the parse results (specs by id, anchors).
     * Sets are sorted lists, so that equal tables are equal data.
     */
    public record Tables(Map<String, String> idByPath, Map<String, String> lowerIds, Map<String, String> lowerPaths,
                         List<String> prefixes, List<String> files, List<String> dirs, Map<String, String> slugs,
                         Map<String, String> formerPaths, Map<String, List<String>> byFileName,
                         Map<String, String> formerPages, List<String> renamedPages, Map<Long, String> numbers,
                         List<String> numberWords) {
    }

    /** A reference from one spec to another (what becomes the other's backlink). */
    public record Ref(String targetId, String anchor, String context, int line) {
    }

    /**
     * One spec's part of a run.
     *
     * @param id            the id it was published under
     * @param extra         the link-stage diagnostics the tables gave it (duplicate id, alias conflicts, numbers)
     * @param resolved      per placeholder of its body, what it resolved to ({@code null}: nothing)
     * @param raw           per relative link of its body's raw HTML, in order, what it resolved to
     * @param refs          its references to specs
     * @param broken        link targets as written that did not resolve
     * @param diagnostics   its diagnostics after resolving
     * @param consulted     ids of the specs whose title or anchors resolving it read, sorted
     * @param copied        files of the source tree its links made part of the site
     * @param relations     its relations, declared and inverse
     * @param relationDiags the diagnostics the relation pass gave it
     * @param aliases       its former ids
     * @param formerPaths   its former source paths
     */
    public record Entry(String id, List<Diagnostic> extra, List<Resolved> resolved, List<Resolved> raw,
                        List<Ref> refs, List<String> broken, List<Diagnostic> diagnostics, List<String> consulted,
                        List<String> copied, List<ResolvedRelation> relations, List<Diagnostic> relationDiags,
                        List<String> aliases, List<String> formerPaths) {
    }
}
