package dev.specsite.parse;

import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Heading;

/**
 * The span of a section named by a heading pattern: it opens at a heading whose name matches and
 * closes at the next heading of the same or a higher level (which may open it again).
 */
final class SectionSpan {
    private final Pattern name;
    /** The level of the open section's heading, or 0. */
    private int level;

    SectionSpan(Pattern name) {
        this.name = name;
    }

    /** Moves past a heading ({@code title}: its name without the number). */
    void at(Heading h, String title) {
        if (level > 0 && h.getLevel() <= level) {
            level = 0;
        }
        if (level == 0 && name.matcher(title).matches()) {
            level = h.getLevel();
        }
    }

    boolean open() {
        return level > 0;
    }
}
