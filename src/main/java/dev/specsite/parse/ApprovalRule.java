package dev.specsite.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.util.ast.Node;

import dev.specsite.model.Approval;

/**
 * Sign-offs: in an Approvals section ({@code ## Approvals}, {@code ## Sign-off}, {@code ## Reviewers}, …)
 * its task items ({@code - [x] Security: Ann Lee}), its {@code Role: Name (state)} lines and the rows
 * of its tables (role, name and state columns found by their headers). A sign-off without a name is
 * {@code missing}; one without a recognised state is {@code pending}. The section's task items are
 * sign-offs, not checklist items.
 * <p>
 * Prose in such a section is not a sign-off ({@link SignOffLines}): a paragraph is read as sign-off
 * lines only when its first line is one, and a line only when its role is role-shaped (a few words,
 * no sentence) and it names someone or a state, or its role holds a known role word
 * ({@code specsite.signoff.roles}). Outside such a section, a one-line list item is a sign-off when its
 * role has a known role word and its value is a state, alone or beside a name
 * ({@link SignOffLines#isSignOffOutside}).
 */
final class ApprovalRule implements SectionRule {
    static final Pattern SECTION = Pattern.compile(
            "(?i)^(?:approvals?|sign[- ]?offs?|signoffs?|approvers?|reviewers?(?:\\s+and\\s+approvers?)?|stakeholder\\s+sign[- ]?offs?|review\\s+and\\s+approval)\\b.*");

    /** "approved by Ann Lee (2026-03-04)": the state, then who. */
    private static final Pattern BY = Pattern.compile("(?iu)(approved|signed(?:[- ]off)?|accepted|rejected|declined)\\s+by\\s+([^(,]+?)\\s*(?:[(,].*)?");

    /** A state mark, then who: "✅ Priya Raman". */
    private static final Pattern MARK = Pattern.compile("(?u)(\u2705|\u274c|\u23f3|\u2714\ufe0f?|\u2717)\\s*[-\u2013\u2014,:]?\\s*(\\S.*)");

    /** A state word alone. */
    private static final Pattern STATE_ONLY = Pattern.compile("(?i)approved|signed(?:[- ]off)?|lgtm|accepted|rejected|declined|pending");

    private final SectionSpan span = new SectionSpan(SECTION);
    private final List<Approval> approvals = new ArrayList<>();
    private SignOffLines lines;

    @Override
    public void heading(ParseContext cx, Heading h, String raw, String title) {
        span.at(h, title);
    }

    @Override
    public boolean listItem(ParseContext cx, ListItem item, String text, int line, boolean topLevel) {
        if (span.open() && item instanceof TaskListItem task) {
            fromTask(text, task.isItemDoneMarker(), line);
            return true;
        }
        if (span.open() || item instanceof TaskListItem || text.indexOf('\n') >= 0) {
            return false;
        }
        List<KeyValue> pairs = KeyValue.parseLine(text);
        if (pairs.size() == 1 && lines(cx).isSignOffOutside(pairs.get(0))) {
            fromPair(pairs.get(0).key(), pairs.get(0).value(), line);
            return true;
        }
        return false;
    }

    @Override
    public void paragraph(ParseContext cx, Paragraph p, String raw, int line) {
        if (!span.open()) {
            return;
        }
        boolean first = true;
        for (String l : raw.split("\n")) {
            List<KeyValue> pairs = KeyValue.parseLine(l);
            boolean any = false;
            for (KeyValue kv : pairs) {
                if (lines(cx).isSignOff(kv)) {
                    fromPair(kv.key(), kv.value(), line);
                    any = true;
                }
            }
            if (first && !any) {
                return; // a paragraph that does not open with a sign-off is prose, wrapped lines and all
            }
            first = false;
            line++;
        }
    }

    private SignOffLines lines(ParseContext cx) {
        if (lines == null) {
            lines = SignOffLines.of(cx.config);
        }
        return lines;
    }

    @Override
    public void tableRow(ParseContext cx, Node row, List<String> header, List<String> cells) {
        if (span.open() && cells.size() >= 2) {
            fromRow(header, cells, cx.startLine(row));
        }
    }

    private void fromPair(String role, String value, int line) {
        String v = value.strip();
        String r = Values.plain(role);
        if (r.isEmpty() || r.length() > 60) {
            return;
        }
        java.util.regex.Matcher by = BY.matcher(Values.plain(v));
        if (by.matches()) {
            approvals.add(new Approval(r, by.group(2).strip(), state(by.group(1)), line));
            return;
        }
        java.util.regex.Matcher mark = MARK.matcher(Values.plain(v));
        if (mark.matches()) { // "✅ Priya Raman"
            approvals.add(new Approval(r, mark.group(2).strip(), state(mark.group(1)), line));
            return;
        }
        String[] parts = v.split("\\s+[-–—]\\s+|\\s*\\(\\s*|\\s*\\)\\s*|\\s*,\\s*", 2);
        String name = Values.plain(parts[0]);
        String rest = parts.length > 1 ? parts[1] : "";
        String stateWord = state(rest.isEmpty() ? v : rest);
        if (STATE_ONLY.matcher(name).matches()) { // "rejected (2026-03-04)": a state and a date, no name
            approvals.add(new Approval(r, null, state(name), line));
            return;
        }
        if (parts.length == 1 && stateWord != null && name.equalsIgnoreCase(v.strip())) {
            approvals.add(new Approval(r, null, stateWord, line)); // "Legal: rejected": a state, no name
            return;
        }
        boolean namePlaceholder = name.isEmpty() || Values.isPlaceholder(name) || Values.isPlaceholder(v);
        if (namePlaceholder) {
            approvals.add(new Approval(r, null, "missing", line));
            return;
        }
        if (stateWord == null) {
            stateWord = "pending";
        }
        approvals.add(new Approval(r, name, stateWord, line));
    }

    private void fromTask(String text, boolean done, int line) {
        List<KeyValue> kvs = KeyValue.parseLine(text);
        String role;
        String name;
        if (!kvs.isEmpty()) {
            role = Values.plain(kvs.get(0).key());
            name = Values.plain(kvs.get(0).value());
        } else {
            String[] p = Values.plain(text).split("\\s+[-–—]\\s+|\\s*\\(", 2);
            role = p[0].strip();
            name = p.length > 1 ? p[1].replace(")", "").strip() : null;
        }
        if (name != null && (name.isEmpty() || Values.isPlaceholder(name))) {
            name = null;
        }
        approvals.add(new Approval(role, name, done ? "approved" : (name == null ? "missing" : "pending"), line));
    }

    private void fromRow(List<String> header, List<String> cells, int line) {
        int roleCol = 0;
        int nameCol = 1;
        int stateCol = -1;
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).toLowerCase(Locale.ROOT);
            if (h.matches(".*\\b(role|area|team|function)\\b.*")) {
                roleCol = i;
            } else if (h.matches(".*\\b(name|approver|reviewer|who|owner|person)\\b.*")) {
                nameCol = i;
            } else if (h.matches(".*\\b(status|state|decision|approval|approved|sign[- ]?off|result)\\b.*")) {
                stateCol = i;
            }
        }
        if (roleCol >= cells.size() || nameCol >= cells.size()) {
            return;
        }
        String role = Values.plain(cells.get(roleCol));
        String name = Values.plain(cells.get(nameCol));
        String st = stateCol >= 0 && stateCol < cells.size() ? state(cells.get(stateCol)) : null;
        if (name.isEmpty() || Values.isPlaceholder(name)) {
            approvals.add(new Approval(role, null, "missing", line));
        } else {
            approvals.add(new Approval(role, name, st == null ? "pending" : st, line));
        }
    }

    static String state(String s) {
        String v = s.toLowerCase(Locale.ROOT);
        if (Values.isPlaceholder(s.strip()) || v.contains("approved/pending") || v.contains("[approved")) {
            return null;
        }
        if (v.matches("(?s).*(approved|signed|lgtm|accepted|\\byes\\b|✅|✔|☑|\\bok\\b|\\[x\\]).*")) {
            return v.matches("(?s).*\\b(not|un)\\s*approved.*") ? "pending" : "approved";
        }
        if (v.matches("(?s).*(rejected|declined|blocked|denied|❌|✗|\\bno\\b).*")) {
            return "rejected";
        }
        if (v.matches("(?s).*(pending|waiting|requested|awaiting|in review|todo|to do|\\[ \\]|⏳|not yet).*")) {
            return "pending";
        }
        return null;
    }

    @Override
    public void addTo(SpecDraft draft) {
        draft.approvals = approvals;
    }
}
