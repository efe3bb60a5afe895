package dev.specsite.index;

import java.util.List;

import dev.specsite.link.LinkedSpec;

/**
 * One term of a taxonomy (an owner, a tag) and the specs that carry it.
 *
 * @param slug      file-name-safe key
 * @param label     the term as shown: a tag as written; an owner's display name
 * @param specs     its specs in natural id order
 * @param url       an owner's profile URL (http: or https:), or {@code null}
 * @param spellings how the specs write it, the most used first (then in text order)
 */
public record Term(String slug, String label, List<LinkedSpec> specs, String url, List<String> spellings) {
    public Term {
        specs = List.copyOf(specs);
        spellings = List.copyOf(spellings);
    }

    /** A term without a URL, written one way only. */
    public Term(String slug, String label, List<LinkedSpec> specs) {
        this(slug, label, specs, null, List.of(label));
    }

    /** How many specs carry the term. */
    public int count() {
        return specs.size();
    }

    /** The same term with these specs. */
    Term withSpecs(List<LinkedSpec> specs) {
        return new Term(slug, label, specs, url, spellings);
    }
}
