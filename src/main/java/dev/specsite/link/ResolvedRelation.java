package dev.specsite.link;

/**
 * A typed relation with its target resolved.
 *
 * @param type     relation type ({@code supersedes}, …)
 * @param target   target as written
 * @param targetId the resolved spec id, or {@code null} when it names no spec
 * @param declared whether this side declared it ({@code false}: shown because the other side did)
 */
public record ResolvedRelation(String type, String target, String targetId, boolean declared) {
}
