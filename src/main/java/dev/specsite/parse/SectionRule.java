package dev.specsite.parse;

import java.util.List;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;

/**
 * One kind of section or marker the parser recognises (open questions, requirements, sign-offs, …).
 * The driver ({@link ParseRun}) walks a document once and hands each rule, in the order of
 * {@link Rules#forDocument}, the headings, list items, paragraphs and table rows it meets. A rule
 * decides alone when its section starts and ends (usually at a heading and at the next heading of
 * the same or a higher level), reads what it needs while active, and at the end adds what it found
 * to the spec's draft. A new instance serves each document.
 */
interface SectionRule {

    /** Before the walk, once the title and metadata are read: a look over the whole tree, if needed. */
    default void begin(ParseContext cx) {
    }

    /**
     * A heading, after the driver recorded its section ({@code cx.currentSection} is {@code title}).
     *
     * @param raw   the heading's text, its number included ({@code 2.1 Goals})
     * @param title the heading's text without the number
     */
    default void heading(ParseContext cx, Heading h, String raw, String title) {
    }

    /**
     * A list item, before its paragraphs are visited. Returns whether the rule took the item: the
     * rules after it in the list do not see it.
     *
     * @param text     the item's text ({@link ParseContext#itemText})
     * @param topLevel whether the item is in a list that is not inside another list
     */
    default boolean listItem(ParseContext cx, ListItem item, String text, int line, boolean topLevel) {
        return false;
    }

    /**
     * A paragraph, in a list item or not.
     *
     * @param raw the paragraph's Markdown source
     */
    default void paragraph(ParseContext cx, Paragraph p, String raw, int line) {
    }

    /** A row of a table's body, with the table's header cells (empty when it has none) and its cells' text. */
    default void tableRow(ParseContext cx, Node row, List<String> header, List<String> cells) {
    }

    /** After the walk: a section still open ends here. */
    default void end(ParseContext cx) {
    }

    /** Adds what the rule found to the spec being made. */
    void addTo(SpecDraft draft);
}
