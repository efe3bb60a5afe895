package dev.specsite.model;

import java.util.List;

/**
 * Everything specsite understands of one spec file. Immutable; refers to other specs only by id.
 *
 * @param source       path relative to the source root, '/'-separated
 * @param id           the spec's id (declared, or derived from the path when {@code idDerived})
 * @param idDerived    whether the id was derived from the file path rather than declared
 * @param title        the title, prefixes such as {@code SPEC-042:} removed
 * @param status       the status
 * @param owners       owners/authors, as written, without a leading {@code @}
 * @param created      ISO date or {@code null}
 * @param updated      ISO date or {@code null}
 * @param tags         tags, possibly empty
 * @param aliases      former ids or paths this spec was known by
 * @param metadata     every metadata entry as written, in source order
 * @param sections     headings in document order
 * @param requirements requirements in document order
 * @param checklist    task-list items in document order
 * @param questions    open questions (resolved ones included) in document order
 * @param approvals    sign-offs in document order
 * @param relations    typed relations from metadata
 * @param links        outgoing references in document order
 * @param summary      the first paragraph of prose, plain text, possibly empty
 * @param words        number of words in the body
 * @param hash         content hash of the source bytes
 * @param userStories  user stories in document order
 * @param risks        risks in document order
 * @param related      related documents in document order
 * @param nonGoals     the items of a Non-Goals section, in document order
 * @param titleAnchor  the anchor of the title heading (its GitHub slug, shown on the page's title), or
 *                     empty when the title is not a heading of the file
 */
public record Spec(String source, String id, boolean idDerived, String title, Status status, List<String> owners,
                   String created, String updated, List<String> tags, List<String> aliases,
                   List<MetaEntry> metadata, List<Section> sections, List<Requirement> requirements,
                   List<ChecklistItem> checklist, List<OpenQuestion> questions, List<Approval> approvals,
                   List<Relation> relations, List<SpecLink> links, String summary, int words, String hash,
                   List<UserStory> userStories, List<Risk> risks, List<RelatedDocument> related,
                   List<String> nonGoals, String titleAnchor) implements java.io.Serializable {

    public Spec {
        owners = List.copyOf(owners);
        tags = List.copyOf(tags);
        aliases = List.copyOf(aliases);
        metadata = List.copyOf(metadata);
        sections = List.copyOf(sections);
        requirements = List.copyOf(requirements);
        checklist = List.copyOf(checklist);
        questions = List.copyOf(questions);
        approvals = List.copyOf(approvals);
        relations = List.copyOf(relations);
        links = List.copyOf(links);
        userStories = List.copyOf(userStories);
        risks = List.copyOf(risks);
        related = List.copyOf(related);
        nonGoals = List.copyOf(nonGoals);
    }

    /** The same spec under another id (the link stage renames duplicates). */
    public Spec withId(String newId) {
        return new Spec(source, newId, idDerived, title, status, owners, created, updated, tags, aliases, metadata,
                sections, requirements, checklist, questions, approvals, relations, links, summary, words, hash,
                userStories, risks, related, nonGoals, titleAnchor);
    }

    /** Acceptance items checked. */
    public int acceptanceDone() {
        int n = 0;
        for (ChecklistItem c : checklist) {
            if (c.acceptance() && c.done()) {
                n++;
            }
        }
        return n;
    }

    /** Acceptance items in all. */
    public int acceptanceTotal() {
        int n = 0;
        for (ChecklistItem c : checklist) {
            if (c.acceptance()) {
                n++;
            }
        }
        return n;
    }

    /** Questions not yet answered. */
    public List<OpenQuestion> unresolvedQuestions() {
        List<OpenQuestion> open = null;
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).resolved()) {
                if (open == null) {
                    open = new java.util.ArrayList<>(questions.subList(0, i));
                }
            } else if (open != null) {
                open.add(questions.get(i));
            }
        }
        return open == null ? questions : List.copyOf(open);
    }

    /** The latest declared date: updated, else created, else {@code null}. */
    public String lastDate() {
        return updated != null ? updated : created;
    }
}
