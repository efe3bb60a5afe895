package dev.specsite.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.util.ast.Node;

import dev.specsite.model.Risk;

/**
 * Risks: the top-level list items and table rows of a Risks section ({@code ## Risks},
 * {@code ## Risks and Mitigations}, …). "Risk — Mitigation: …" in an item, or a mitigation column in
 * a table, gives the risk's mitigation.
 */
final class RiskRule extends SectionItemsRule {
    static final Pattern SECTION = Pattern.compile(
            "(?i)^(?:(?:key|known|main|major|technical|project|potential|identified|open)\\s+)?risks?"
            + "(?:\\s*(?:,|and|&|/)\\s*(?:mitigations?|unknowns?|assumptions?|dependencies|issues|concerns|trade-?offs))*$");
    static final Pattern MITIGATION = Pattern.compile(
            "(?i)^(.*?)[\\s.;,—–-]*\\b(?:mitigations?|mitigated by|mitigation plan)\\s*[:：-]\\s*(.+)$");

    private final List<Risk> risks = new ArrayList<>();

    RiskRule() {
        super(SECTION);
    }

    @Override
    void item(ParseContext cx, ListItem item, String text, int line) {
        Matcher m = MITIGATION.matcher(text);
        if (m.matches() && !m.group(1).isBlank()) {
            add(cx, m.group(1), m.group(2), line);
        } else {
            add(cx, text, null, line);
        }
    }

    @Override
    public void tableRow(ParseContext cx, Node row, List<String> header, List<String> cells) {
        if (!span.open() || cells.isEmpty() || cells.get(0).isBlank()) {
            return;
        }
        int mitigation = -1;
        for (int i = 1; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).matches(".*\\b(mitigation|response|plan|handling)s?\\b.*")) {
                mitigation = i;
            }
        }
        String m = mitigation >= 0 && mitigation < cells.size() && !cells.get(mitigation).isBlank()
                ? NodeText.shortText(cells.get(mitigation)) : null;
        add(cx, cells.get(0), m, cx.startLine(row));
    }

    private void add(ParseContext cx, String text, String mitigation, int line) {
        String t = NodeText.shortText(text.replaceFirst("(?i)^risk\\s*[:：-]\\s*", "").strip());
        if (t.isEmpty() || Values.isPlaceholder(t) || Values.isEmptyWord(t)
                || t.matches("(?i)^(?:none|n/?a|no (?:known )?risks?)\\.?$")) {
            if (Values.isPlaceholder(t)) {
                cx.warn(line, "placeholder", "risk is a template placeholder: " + t, "name the risk or remove the line");
            }
            return;
        }
        risks.add(new Risk(t, mitigation == null || mitigation.isBlank() ? null : NodeText.shortText(mitigation), line));
    }

    @Override
    public void addTo(SpecDraft draft) {
        draft.risks = risks;
    }
}
