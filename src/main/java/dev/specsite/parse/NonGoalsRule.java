package dev.specsite.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.ListItem;

/**
 * Non-goals: the top-level list items of a Non-Goals section ({@code ## Non-Goals},
 * {@code ## Out of scope}), as the spec's {@code nonGoals}. A task item there is still a checklist
 * item too.
 */
final class NonGoalsRule extends SectionItemsRule {
    static final Pattern SECTION = Pattern.compile("(?i)^(?:non[- ]?goals|out\\s+of\\s+scope)$");

    private final List<String> nonGoals = new ArrayList<>();

    NonGoalsRule() {
        super(SECTION);
    }

    @Override
    void item(ParseContext cx, ListItem item, String text, int line) {
        String t = NodeText.shortText(text);
        // as written: a template's "[Non-goal]" is a link reference to flexmark, "Non-goal" as text
        String written = item.getFirstChild() == null ? t : item.getFirstChild().getChars().toString().strip();
        if (Values.isPlaceholder(t) || Values.isPlaceholder(written)) {
            cx.warn(line, "placeholder", "non-goal is a template placeholder: " + t,
                    "write the non-goal or remove the line");
        } else if (!t.isEmpty() && !Values.isEmptyWord(t)) {
            nonGoals.add(t);
        }
    }

    @Override
    public void addTo(SpecDraft draft) {
        draft.nonGoals = nonGoals;
    }
}
