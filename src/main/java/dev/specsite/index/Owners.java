package dev.specsite.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.specsite.config.People;
import dev.specsite.link.LinkedSpec;

/**
 * The owner taxonomy: one term per person ({@link People#who}), however the specs write them. A
 * person's label is the name the people file gives, else the spelling the specs use most, a
 * spelling with a blank ({@code Li Wei}) before one without ({@code li.wei}); the term keeps every
 * spelling. Terms are in label order, case ignored, then by slug.
 */
final class Owners {
    private Owners() {
    }

    /** One person's specs and spellings, while they are gathered. */
    private static final class Gathered {
        final People.Who who;
        final List<LinkedSpec> specs = new ArrayList<>();
        final Map<String, Integer> spellings = new TreeMap<>();

        Gathered(People.Who who) {
            this.who = who;
        }
    }

    /** The owner terms of specs in id order. */
    static List<Term> of(List<LinkedSpec> specs, People people) {
        Map<String, Gathered> bySlug = new TreeMap<>();
        for (LinkedSpec s : specs) {
            for (String o : s.spec().owners()) {
                People.Who who = people.who(o);
                Gathered p = bySlug.computeIfAbsent(who.slug(), k -> new Gathered(who));
                if (p.specs.isEmpty() || p.specs.get(p.specs.size() - 1) != s) { // a spec naming one person twice is listed once
                    p.specs.add(s);
                }
                p.spellings.merge(o, 1, Integer::sum);
            }
        }
        List<Term> out = new ArrayList<>();
        for (Gathered p : bySlug.values()) {
            List<String> spellings = new ArrayList<>(p.spellings.keySet()); // in text order
            spellings.sort(Comparator.comparingInt((String w) -> -p.spellings.get(w))); // stable: text order within a count
            String label = p.who.name() != null ? p.who.name()
                    : spellings.stream().filter(w -> w.strip().contains(" ")).findFirst().orElse(spellings.get(0));
            out.add(new Term(p.who.slug(), label, p.specs, p.who.url(), spellings));
        }
        out.sort(Comparator.comparing(Term::label, String.CASE_INSENSITIVE_ORDER).thenComparing(Term::slug));
        return out;
    }
}
