package dev.specsite.model;

/**
 * A risk named in a Risks section ({@code Risks}, {@code Risks and Unknowns},
 * {@code Risks and Mitigations}): a list item or a table row.
 *
 * @param text       the risk
 * @param mitigation how it is handled, or {@code null} when the spec does not say
 * @param line       1-based source line
 */
public record Risk(String text, String mitigation, int line) implements java.io.Serializable {
}
