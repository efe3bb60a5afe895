package dev.specsite.parse;

import java.util.List;

/** The section rules, in the order the driver hands them each node: the one place a rule is registered. */
final class Rules {
    private Rules() {
    }

    /**
     * New rules for one document. The order matters where rules meet the same node: a rule that
     * takes a list item ({@link SectionRule#listItem} returns {@code true}) hides it from the rules
     * after it, so questions and sign-offs come before the checklist.
     */
    static List<SectionRule> forDocument() {
        OpenQuestionRule questions = new OpenQuestionRule();
        return List.of(
                new RequirementRule(),
                new UserStoryRule(),
                new RiskRule(),
                new NonGoalsRule(),
                new RelatedDocumentsRule(),
                questions,
                new ApprovalRule(),
                new AcceptanceCriteriaRule(),
                new QuestionMarkerRule(questions),
                new SummaryRule(questions));
    }
}
