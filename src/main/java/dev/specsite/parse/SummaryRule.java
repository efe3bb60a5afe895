package dev.specsite.parse;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Document;

/** The summary: the first top-level paragraph with text outside an Open Questions section, shortened. */
final class SummaryRule implements SectionRule {
    private final OpenQuestionRule questions;
    private String summary = "";

    SummaryRule(OpenQuestionRule questions) {
        this.questions = questions;
    }

    @Override
    public void paragraph(ParseContext cx, Paragraph p, String raw, int line) {
        if (summary.isEmpty() && !questions.open() && p.getParent() instanceof Document) {
            String text = cx.blockText(p);
            if (!text.isBlank()) {
                summary = Values.shorten(text, 280);
            }
        }
    }

    @Override
    public void addTo(SpecDraft draft) {
        draft.summary = summary;
    }
}
