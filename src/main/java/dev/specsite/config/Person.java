package dev.specsite.config;

import java.util.List;

/**
 * One entry of the people file ({@link PeopleFile}): a person, the names owners are written as that
 * mean them, and where their profile is.
 *
 * @param handle  the person's key as the file writes it ({@code sam})
 * @param name    the display name ({@code Sam Okafor}), or {@code null}
 * @param aliases other spellings that mean this person, as written
 * @param url     an http: or https: profile URL, or {@code null}
 * @param line    the 1-based line of the entry in the file
 */
public record Person(String handle, String name, List<String> aliases, String url, int line) {
    public Person {
        aliases = List.copyOf(aliases);
    }
}
