package dev.specsite.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;

/**
 * Open questions marked in the text, anywhere: {@code [NEEDS CLARIFICATION: …]}, the Kubernetes
 * KEPs' {@code <<[UNRESOLVED …]>>} blocks, and a {@code TBD} outside an Open Questions section
 * (one per block). They join the list of {@link OpenQuestionRule}, in document order.
 */
final class QuestionMarkerRule implements SectionRule {
    static final Pattern NEEDS_CLARIFICATION = Pattern.compile("\\[NEEDS CLARIFICATION:?\\s*([^\\]\\[]{0,1000})\\]");
    static final Pattern UNRESOLVED_BLOCK = Pattern.compile("<<\\[UNRESOLVED([^\\]\\[]{0,200})\\]>>");
    static final Pattern TBD = Pattern.compile("\\bTBD\\b");

    private final OpenQuestionRule questions;

    QuestionMarkerRule(OpenQuestionRule questions) {
        this.questions = questions;
    }

    @Override
    public void paragraph(ParseContext cx, Paragraph p, String raw, int line) {
        Node block = p.getParent() instanceof ListItem ? p.getParent() : p;
        Matcher m = NEEDS_CLARIFICATION.matcher(raw.contains("[NEEDS CLARIFICATION") ? raw : "");
        while (m.find()) {
            String q = m.group(1).strip();
            questions.marked(cx, block, q.isEmpty() ? "Needs clarification" : Values.plain(q),
                    cx.lineOf(p.getStartOffset() + m.start()), "needs-clarification");
        }
        m = UNRESOLVED_BLOCK.matcher(raw.contains("<<[UNRESOLVED") ? raw : "");
        while (m.find()) {
            String label = m.group(1).replaceFirst("^[-:\\s]+", "").strip();
            int eol = raw.indexOf('\n', m.end());
            String after = raw.substring(m.end(), eol < 0 ? Math.min(raw.length(), m.end() + 400)
                    : Math.min(eol, m.end() + 400)).strip();
            String q = !label.isEmpty() ? label : Values.shorten(Values.plain(after), 200);
            questions.marked(cx, block, q.isEmpty() ? "Unresolved" : q,
                    cx.lineOf(p.getStartOffset() + m.start()), "unresolved-block");
        }
        String plainText = raw.contains("TBD") ? cx.blockText(p) : "";
        if (!questions.open() && TBD.matcher(plainText).find()
                && !cx.state.classes.getOrDefault(block, "").contains("open-question")) {
            questions.marked(cx, block, Values.shorten(NodeText.sentenceAround(plainText, "TBD"), 200), line, "tbd");
        }
    }

    @Override
    public void addTo(SpecDraft draft) {
        // its questions are in the list of OpenQuestionRule
    }
}
