package dev.specsite.model;

/**
 * A user story: {@code As a <role>, I want <goal>, so that <benefit>} (also written with bold
 * keywords, {@code **As a** … **I want** … **So that** …}).
 *
 * @param role    who wants it ({@code returning customer})
 * @param want    what they want
 * @param soThat  why, or {@code null} when the story gives no reason
 * @param section canonical title of the section it stands in, or empty
 * @param line    1-based source line
 */
public record UserStory(String role, String want, String soThat, String section, int line) implements java.io.Serializable {
}
