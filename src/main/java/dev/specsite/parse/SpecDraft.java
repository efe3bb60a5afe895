package dev.specsite.parse;

import java.util.ArrayList;
import java.util.List;

import dev.specsite.model.Approval;
import dev.specsite.model.ChecklistItem;
import dev.specsite.model.OpenQuestion;
import dev.specsite.model.RelatedDocument;
import dev.specsite.model.Requirement;
import dev.specsite.model.Risk;
import dev.specsite.model.Section;
import dev.specsite.model.SpecLink;
import dev.specsite.model.UserStory;

/** The parts of a spec that the walk and the section rules collect, before the spec is made. */
final class SpecDraft {
    List<Section> sections = new ArrayList<>();
    List<Requirement> requirements = List.of();
    List<ChecklistItem> checklist = List.of();
    List<OpenQuestion> questions = List.of();
    List<Approval> approvals = List.of();
    List<SpecLink> links = List.of();
    List<UserStory> stories = List.of();
    List<Risk> risks = List.of();
    List<RelatedDocument> related = List.of();
    List<String> nonGoals = List.of();
    String summary = "";
    /** The GitHub slug of the title heading, or empty. */
    String titleAnchor = "";
}
