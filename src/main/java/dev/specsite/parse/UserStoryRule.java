package dev.specsite.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;

import dev.specsite.model.UserStory;

/**
 * User stories: a list item or paragraph that reads "As a ROLE, I want GOAL (so that BENEFIT)",
 * perhaps after a short label ({@code Story 3: As a …}); a paragraph of several such lines gives one
 * story a line. Anywhere in the document.
 */
final class UserStoryRule implements SectionRule {
    static final Pattern USER_STORY = Pattern.compile(
            "(?i)^(?:[\\p{L}\\d #.-]{1,30}:\\s*)?as\\s+an?\\s+(.+?)\\s*,?\\s+I\\s+(?:want|need|would\\s+like|wish|expect)\\s+(.+?)"
            + "(?:\\s*,?\\s+so\\s+(?:that\\s+)?(.+?))?[\\s.]*$");

    private final List<UserStory> stories = new ArrayList<>();

    @Override
    public boolean listItem(ParseContext cx, ListItem item, String text, int line, boolean topLevel) {
        story(cx, text, line);
        return false;
    }

    /** The stories of a paragraph: the whole of it, or one per line when several lines start with "As a". */
    @Override
    public void paragraph(ParseContext cx, Paragraph p, String raw, int line) {
        if (p.getParent() instanceof ListItem) {
            return; // read as the item
        }
        if (!mentionsAsA(raw)) {
            return;
        }
        String text = cx.blockText(p);
        String[] lines = raw.split("\n");
        if (text.length() > 4_000) {
            return;
        }
        long starts = Arrays.stream(lines).filter(l -> Values.plain(l).matches("(?i)^(?:[\\p{L}\\d #.-]{1,30}:\\s*)?as\\s+an?\\s.*")).count();
        if (starts <= 1) {
            story(cx, text, line);
            return;
        }
        for (int i = 0; i < lines.length; i++) {
            story(cx, Values.plain(lines[i]), line + i);
        }
    }

    /** Whether the text holds "as a" or "as an", in any case (a cheap test before the user-story patterns). */
    static boolean mentionsAsA(String t) {
        for (int i = 0, n = t.length() - 4; i < n; i++) {
            char c = t.charAt(i);
            if ((c == 'a' || c == 'A') && (t.charAt(i + 1) == 's' || t.charAt(i + 1) == 'S')
                    && Character.isWhitespace(t.charAt(i + 2)) && (t.charAt(i + 3) == 'a' || t.charAt(i + 3) == 'A')
                    && (i == 0 || !Character.isLetter(t.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private void story(ParseContext cx, String text, int line) {
        if (text.length() > 600) {
            return;
        }
        Matcher m = USER_STORY.matcher(text);
        if (m.matches() && !Values.isPlaceholder(m.group(1)) && !m.group(1).startsWith("[")) {
            stories.add(new UserStory(m.group(1).strip(), m.group(2).strip(),
                    m.group(3) == null ? null : m.group(3).strip(), cx.currentSection, line));
        }
    }

    @Override
    public void addTo(SpecDraft draft) {
        draft.stories = stories;
    }
}
