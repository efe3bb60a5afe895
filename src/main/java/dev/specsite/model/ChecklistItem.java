package dev.specsite.model;

/**
 * A task-list item ({@code - [ ]} / {@code - [x]}).
 *
 * @param text       the item's text
 * @param done       whether it is checked
 * @param acceptance whether it counts towards acceptance progress
 * @param section    canonical title of the section it stands in
 * @param line       1-based source line
 */
public record ChecklistItem(String text, boolean done, boolean acceptance, String section, int line) implements java.io.Serializable {
}
