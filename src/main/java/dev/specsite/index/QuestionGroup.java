package dev.specsite.index;

import java.util.List;

import dev.specsite.link.LinkedSpec;
import dev.specsite.model.OpenQuestion;

/**
 * The open questions of one spec.
 *
 * @param spec       the spec
 * @param unresolved its unresolved questions in document order
 * @param resolved   how many of its questions are answered
 */
public record QuestionGroup(LinkedSpec spec, List<OpenQuestion> unresolved, int resolved) {
    public QuestionGroup {
        unresolved = List.copyOf(unresolved);
    }
}
