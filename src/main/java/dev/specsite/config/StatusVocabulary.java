package dev.specsite.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The statuses a site knows, each with a display label and aliases, matched against the leading
 * words of a status value ({@code Implemented (Swift 5.9)} matches {@code implemented}).
 */
public final class StatusVocabulary {

    /** One status of the vocabulary. */
    public record Entry(String slug, String label, List<String> aliases) {
        public Entry {
            aliases = List.copyOf(aliases);
        }
    }

    private record Alias(String text, String slug) {
    }

    private final List<Entry> entries;
    private final List<Alias> aliases;

    public StatusVocabulary(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        List<Alias> all = new ArrayList<>();
        for (Entry e : entries) {
            all.add(new Alias(normalize(e.slug().replace('-', ' ')), e.slug()));
            all.add(new Alias(normalize(e.label()), e.slug()));
            for (String a : e.aliases()) {
                all.add(new Alias(normalize(a), e.slug()));
            }
        }
        // longest first so that "in review" wins over "in" and "not implemented" over "implemented"
        all.sort(Comparator.comparingInt((Alias a) -> -a.text().length()).thenComparing(Alias::text));
        this.aliases = List.copyOf(all);
    }

    /** The statuses in their configured order (the order dashboards use). */
    public List<Entry> entries() {
        return entries;
    }

    /** The slugs, comma-separated, for hints. */
    public String allowed() {
        return String.join(", ", entries.stream().map(Entry::slug).toList());
    }

    /** The entry of a slug. */
    public Optional<Entry> bySlug(String slug) {
        return entries.stream().filter(e -> e.slug().equals(slug)).findFirst();
    }

    /** Position of a slug in the vocabulary, or the vocabulary's size when unknown. */
    public int order(String slug) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).slug().equals(slug)) {
                return i;
            }
        }
        return entries.size();
    }

    /**
     * Matches a status value on its leading words.
     *
     * @return the slug, or empty when no status of the vocabulary starts the value
     */
    public Optional<String> match(String value) {
        String v = normalize(value);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        for (Alias a : aliases) {
            if (a.text().isEmpty()) {
                continue;
            }
            if (v.equals(a.text()) || (v.startsWith(a.text()) && !Character.isLetterOrDigit(v.charAt(a.text().length())))) {
                return Optional.of(a.slug());
            }
        }
        return Optional.empty();
    }

    /** Lower-case, emphasis and punctuation at the ends removed, inner runs of space/dash/underscore as one space. */
    static String normalize(String s) {
        String t = s.toLowerCase(Locale.ROOT).replaceAll("[*_`~]+", " ").replaceAll("[\\s\\-]+", " ").trim();
        t = t.replaceAll("^[^\\p{L}\\p{N}]+", "");
        return t.trim();
    }
}
