package dev.specsite.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;

import dev.specsite.model.Requirement;

/**
 * Requirements: a heading, list item or paragraph that starts with a requirement id
 * ({@code FR-1: Users can log in}, the pattern of {@code specsite.requirements.pattern}), or a table row
 * whose first cell is only an id and whose second holds the text. Anywhere in the document, in no
 * particular section. Each gets the requirement's id as anchor and the class {@code requirement};
 * an id defined twice is a warning.
 */
final class RequirementRule implements SectionRule {
    private final List<Requirement> requirements = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    /** A heading that is a requirement ({@code ### FR-1: Login}) gets the requirement id as anchor. */
    @Override
    public void begin(ParseContext cx) {
        for (Node n : cx.doc.getDescendants()) {
            if (n instanceof Heading h) {
                Matcher m = cx.requirementAtStart(cx.blockText(h));
                if (m != null && ids.add(m.group(1))) {
                    h.setAnchorRefId(m.group(1));
                }
            }
        }
        ids.clear();
    }

    @Override
    public void heading(ParseContext cx, Heading h, String raw, String title) {
        Matcher r = cx.requirementAtStart(raw);
        if (r != null) {
            add(cx, r.group(1), r.group(2), h, h.getAnchorRefId());
        }
    }

    @Override
    public boolean listItem(ParseContext cx, ListItem item, String text, int line, boolean topLevel) {
        Matcher r = cx.requirementAtStart(text);
        if (r != null) {
            add(cx, r.group(1), r.group(2), item, null);
        }
        return false;
    }

    @Override
    public void paragraph(ParseContext cx, Paragraph p, String raw, int line) {
        if (p.getParent() instanceof ListItem) {
            return; // read as the item
        }
        Matcher r = cx.requirementAtStart(cx.blockText(p));
        if (r != null) {
            add(cx, r.group(1), r.group(2), p, null);
        }
    }

    @Override
    public void tableRow(ParseContext cx, Node row, List<String> header, List<String> cells) {
        if (!cells.isEmpty()) {
            Matcher r = cx.requirementAtStart(cells.get(0));
            if (r != null && r.group(2).isBlank() && cells.size() > 1) {
                add(cx, r.group(1), cells.get(1), row, null);
            }
        }
    }

    private void add(ParseContext cx, String id, String text, Node block, String anchor) {
        int line = cx.startLine(block);
        if (!ids.add(id)) {
            cx.warn(line, "duplicate-requirement", "requirement " + id + " is defined twice", "give each requirement its own id");
            return;
        }
        if (anchor == null) {
            cx.state.anchors.putIfAbsent(block, id);
        }
        cx.state.addClass(block, "requirement");
        requirements.add(new Requirement(id, Values.shorten(Values.plain(text), 400), cx.currentSection, line));
    }

    @Override
    public void addTo(SpecDraft draft) {
        draft.requirements = requirements;
    }
}
