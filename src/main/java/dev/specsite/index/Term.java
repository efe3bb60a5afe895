package dev.specsite.index;

import java.util.List;

import dev.specsite.link.LinkedSpec;

/**
 * One term of a taxonomy (an owner, a tag) and the specs that carry it.
 *
 * @param slug  file-name-safe key
 * @param label the term as written
 * @param specs its specs in natural id order
 */
public record Term(String slug, String label, List<LinkedSpec> specs) {
    public Term {
        specs = List.copyOf(specs);
    }

    /** How many specs carry the term. */
    public int count() {
        return specs.size();
    }
}
