package dev.specsite.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.util.ast.Node;

import dev.specsite.model.ChecklistItem;

/**
 * The checklist and its acceptance criteria: every task item ({@code - [ ] …}) the rules before it
 * leave is a checklist item; those in an Acceptance Criteria section ({@code ## Acceptance criteria},
 * {@code ## Definition of done}, …) — or all of them when the document has no such section — are
 * acceptance criteria and get the class {@code acceptance}.
 */
final class AcceptanceCriteriaRule implements SectionRule {
    static final Pattern SECTION = Pattern.compile(
            "(?i)^(?:acceptance(?:\\s+criteria|\\s+tests?)?|definition\\s+of\\s+done|success\\s+criteria|exit\\s+criteria|done\\s+criteria)\\b.*");

    private final SectionSpan span = new SectionSpan(SECTION);
    private final List<ChecklistItem> checklist = new ArrayList<>();
    private boolean anySection;

    @Override
    public void begin(ParseContext cx) {
        for (Node n : cx.doc.getDescendants()) {
            if (n instanceof Heading h && SECTION.matcher(NodeText.canonical(cx.blockText(h))).matches()) {
                anySection = true;
                return;
            }
        }
    }

    @Override
    public void heading(ParseContext cx, Heading h, String raw, String title) {
        span.at(h, title);
    }

    @Override
    public boolean listItem(ParseContext cx, ListItem item, String text, int line, boolean topLevel) {
        if (item instanceof TaskListItem task) {
            boolean acceptance = span.open() || !anySection;
            checklist.add(new ChecklistItem(NodeText.shortText(text), task.isItemDoneMarker(), acceptance, cx.currentSection, line));
            if (acceptance) {
                cx.state.addClass(item, "acceptance");
            }
        }
        return false;
    }

    @Override
    public void addTo(SpecDraft draft) {
        draft.checklist = checklist;
    }
}
