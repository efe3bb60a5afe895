package dev.specsite.model;

/**
 * A sign-off line such as {@code **Engineering Lead**: Ana Ruiz - Approved}.
 *
 * @param role  the role that signs
 * @param name  who signs, or {@code null} when the line is an unfilled placeholder
 * @param state {@code approved}, {@code pending}, {@code rejected} or {@code missing}
 * @param line  1-based source line
 */
public record Approval(String role, String name, String state, int line) implements java.io.Serializable {
    /** Whether this sign-off has been given. */
    public boolean signed() {
        return "approved".equals(state);
    }
}
