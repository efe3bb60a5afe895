package dev.specsite.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.util.ast.Node;

import dev.specsite.model.OpenQuestion;

/**
 * Open questions of an Open Questions section ({@code ## Open questions}, {@code ## Unresolved
 * questions}, …), and headings that are one question each ({@code ### Open question: naming}).
 * A section's questions are its top-level list items, wherever they stand in it, those ticked or
 * struck through resolved; a section without any list asks one question per sub-heading (the
 * shallowest level below it). Prose paragraphs are discussion, not counted (the convention of the
 * Rust RFCs' "Unresolved questions"). Each question's block gets an anchor ({@code q-N}) and the
 * class {@code open-question}. The list also holds the questions {@link QuestionMarkerRule} finds.
 */
final class OpenQuestionRule implements SectionRule {
    static final Pattern SECTION = Pattern.compile(
            "(?i)^(?!.*\\banswers?\\b|.*\\bfaqs?\\b|.*\\bfrequently\\b)"
            + "(?:(?:open|unresolved|outstanding|remaining|pending|unanswered)\\s+(?:questions?|issues?|items?|points?|decisions?|problems?)|questions?|unresolved)\\b(?!\\s*:).*");
    /** A heading that is itself one question: {@code ### Open question: naming}. */
    static final Pattern QUESTION_HEADING = Pattern.compile(
            "(?i)^(?:open|unresolved|outstanding)\\s+question\\s*[:：\\-–—]\\s*(.+)$");

    /** A possible question, kept until its section ends. */
    private record Candidate(Node block, String text, boolean resolved, int line) {
    }

    private final List<OpenQuestion> questions = new ArrayList<>();
    /** The level of the open questions section's heading, or 0. */
    private int level;
    /** Top-level list items of the current questions section, sub-sections included. */
    private final List<Candidate> itemQuestions = new ArrayList<>();
    /** Sub-headings of the current questions section at the shallowest level below it. */
    private final List<Candidate> headingQuestions = new ArrayList<>();
    /** Level of the sub-headings that are questions (the shallowest below the questions heading). */
    private int childLevel;

    /** Whether a questions section is open. */
    boolean open() {
        return level > 0;
    }

    @Override
    public void heading(ParseContext cx, Heading h, String raw, String title) {
        int hl = h.getLevel();
        if (level > 0 && hl <= level) {
            flush(cx);
            level = 0;
        }
        if (level > 0) {
            if (childLevel == 0 || hl < childLevel) {
                childLevel = hl;
            }
            if (hl == childLevel) {
                headingQuestions.add(new Candidate(h, title, false, cx.startLine(h)));
            }
        }
        Matcher single = QUESTION_HEADING.matcher(title);
        if (level == 0 && single.matches()) {
            question(cx, h, single.group(1).strip(), false, cx.startLine(h));
        } else if (level == 0 && SECTION.matcher(title).matches()) {
            level = hl;
            childLevel = 0;
        }
    }

    @Override
    public boolean listItem(ParseContext cx, ListItem item, String text, int line, boolean topLevel) {
        if (level == 0 || !topLevel) {
            return false;
        }
        boolean done = item instanceof TaskListItem task && task.isItemDoneMarker();
        itemQuestions.add(new Candidate(item, text, done || struck(item), line));
        return true;
    }

    @Override
    public void end(ParseContext cx) {
        flush(cx);
    }

    /** Ends a questions section: its list items are its questions, or else its sub-headings. */
    private void flush(ParseContext cx) {
        List<Candidate> chosen = itemQuestions.isEmpty() ? headingQuestions : itemQuestions;
        for (Candidate c : chosen) {
            question(cx, c.block(), c.text(), c.resolved(), c.line());
        }
        itemQuestions.clear();
        headingQuestions.clear();
    }

    private void question(ParseContext cx, Node block, String text, boolean resolved, int line) {
        String t = NodeText.shortText(text);
        String raw = block instanceof ListItem li && li.getFirstChild() instanceof Paragraph p
                ? NodeText.collapse(Sequences.string(p.getChars())) : t;
        if (Values.isPlaceholder(raw)) {
            t = raw;
        }
        if (t.isEmpty() || Values.isPlaceholder(t) || t.matches("(?i)^(?:none|n/?a|nothing|no open questions)\\.?$")) {
            if (Values.isPlaceholder(t)) {
                cx.warn(line, "placeholder", "open question is a template placeholder: " + t,
                        "write the question or remove the line");
            }
            return;
        }
        String anchor = block instanceof Heading h && !h.getAnchorRefId().isEmpty() ? h.getAnchorRefId()
                : cx.anchorFor(block, "q-" + (questions.size() + 1));
        cx.state.addClass(block, resolved ? "open-question resolved" : "open-question");
        questions.add(new OpenQuestion(t, anchor, line, resolved, "section"));
    }

    /** Records a question marked in a block's text ({@code source}: the marker's kind), open, in document order. */
    void marked(ParseContext cx, Node block, String text, int line, String source) {
        String anchor = cx.anchorFor(block, "q-" + (questions.size() + 1));
        cx.state.addClass(block, "open-question");
        questions.add(new OpenQuestion(text, anchor, line, false, source));
    }

    private static boolean struck(ListItem item) {
        Node first = item.getFirstChild();
        if (first instanceof Paragraph p) {
            String raw = Sequences.string(p.getChars()).strip();
            return raw.startsWith("~~") && raw.endsWith("~~")
                    || raw.matches("(?i)^(?:resolved|answered|decided|done)\\b.*");
        }
        return false;
    }

    @Override
    public void addTo(SpecDraft draft) {
        draft.questions = questions;
    }
}
