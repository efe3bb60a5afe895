package dev.specsite.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.specsite.diag.Diagnostic;
import dev.specsite.model.Relation;
import dev.specsite.model.Spec;

/**
 * The typed relations of every spec (from metadata: {@code supersedes}, {@code depends-on}, …), with
 * the inverse side on the spec named, and the diagnostics of targets that are no spec, of a spec
 * naming itself and of a relation declared on one side only.
 */
final class Relations {

    private static final Map<String, String> INVERSE = Map.of(
            "supersedes", "superseded-by", "superseded-by", "supersedes", "replaces", "superseded-by");

    private Relations() {
    }

    /** A relation type as English after its subject: "supersedes", "is superseded by", "depends on". */
    static String phrase(String type) {
        return switch (type) {
            case "superseded-by" -> "is superseded by";
            case "replaced-by" -> "is replaced by";
            case "depends-on" -> "depends on";
            case "required-by" -> "is required by";
            case "related" -> "is related to";
            case "see-also" -> "refers to";
            default -> type.replace('-', ' ');
        };
    }

    /**
     * Per spec id its relations, declared and inverse, sorted; the relation diagnostics go into
     * {@code relationDiags} by spec id. {@code resolutions} come in id order.
     */
    static Map<String, List<ResolvedRelation>> of(Collection<Resolution> resolutions, LookupTables ix, Resolver resolver,
                                                  Map<String, List<Diagnostic>> relationDiags) {
        Map<String, List<ResolvedRelation>> relations = new HashMap<>();
        for (Resolution r : resolutions) {
            for (Relation rel : r.spec.relations()) {
                String target = resolver.resolveRelationTarget(r.spec, rel.target(), ix);
                if (target == null) {
                    relationDiags.computeIfAbsent(r.spec.id(), k -> new ArrayList<>()).add(Diagnostic.warning(r.spec.source(), rel.line(), 1, "unknown-relation-target",
                            "this spec " + phrase(rel.type()) + " '" + rel.target() + "' (" + rel.type()
                                    + "), which is no spec of this site",
                            "use the id or the relative path of a spec"));
                } else if (target.equals(r.spec.id())) {
                    relationDiags.computeIfAbsent(r.spec.id(), k -> new ArrayList<>()).add(Diagnostic.warning(r.spec.source(), rel.line(), 1, "self-relation",
                            "this spec says it " + phrase(rel.type()) + " itself (" + rel.type() + ")",
                            "name another spec, or remove the line"));
                }
                relations.computeIfAbsent(r.spec.id(), k -> new ArrayList<>())
                        .add(new ResolvedRelation(rel.type(), rel.target(), target, true));
            }
        }
        // inverse sides
        for (Resolution r : resolutions) {
            for (ResolvedRelation rel : relations.getOrDefault(r.spec.id(), List.of())) {
                if (rel.targetId() == null || !rel.declared() || rel.targetId().equals(r.spec.id())) {
                    continue; // a spec naming itself has no other side (and its list is the one being read)
                }
                String inverse = INVERSE.getOrDefault(rel.type(), rel.type().equals("depends-on") ? "required-by"
                        : rel.type());
                List<ResolvedRelation> other = relations.computeIfAbsent(rel.targetId(), k -> new ArrayList<>());
                boolean has = other.stream().anyMatch(o -> r.spec.id().equals(o.targetId())
                        && (o.type().equals(inverse) || o.type().equals(rel.type()) && isSymmetric(rel.type())));
                if (!has) {
                    other.add(new ResolvedRelation(inverse, r.spec.id(), r.spec.id(), false));
                    if (INVERSE.containsKey(rel.type())) {
                        Spec t = ix.byId.get(rel.targetId());
                        relationDiags.computeIfAbsent(rel.targetId(), k -> new ArrayList<>()).add(Diagnostic.warning(t.source(), 1, 1,
                                "one-sided-relation", r.spec.id() + " says it " + phrase(rel.type()) + " "
                                        + t.id() + ", but " + t.id() + " does not say it " + phrase(inverse)
                                        + " " + r.spec.id(),
                                "add '" + inverse + ": " + r.spec.id() + "' to the metadata of " + t.id()));
                    }
                }
            }
        }

        Map<String, List<ResolvedRelation>> sortedRelations = new HashMap<>();
        relations.forEach((id, rels) -> {
            List<ResolvedRelation> sorted = new ArrayList<>(rels);
            sorted.sort((a, b) -> (a.type() + a.target()).compareTo(b.type() + b.target()));
            sortedRelations.put(id, List.copyOf(sorted));
        });
        return sortedRelations;
    }

    private static boolean isSymmetric(String type) {
        return type.equals("related") || type.equals("see-also");
    }
}
