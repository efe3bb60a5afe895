package dev.specsite.index;

import java.util.List;

import dev.specsite.link.LinkedSpec;

/**
 * The specs of one status: a term of the status taxonomy.
 *
 * @param slug  the status slug, {@code unknown} for statuses outside the vocabulary, {@code none} for no status
 * @param label the display label
 * @param specs the specs, by id
 */
public record StatusGroup(String slug, String label, List<LinkedSpec> specs) {
    public StatusGroup {
        specs = List.copyOf(specs);
    }

    /** How many specs have this status. */
    public int count() {
        return specs.size();
    }
}
