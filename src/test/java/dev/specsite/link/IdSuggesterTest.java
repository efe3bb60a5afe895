package dev.specsite.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;

/** The indexed suggestion gives what comparing with every id gives, with a bounded number of comparisons. */
class IdSuggesterTest {

    /** The answer of the search it replaces: every id compared, case aside; nearest within 2, ties to the first in string order. */
    private static String exhaustive(String missing, TreeSet<String> ids) {
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String id : ids) {
            int d = IdSuggester.distance(missing.toLowerCase(Locale.ROOT), id.toLowerCase(Locale.ROOT));
            if (d < bestScore) {
                bestScore = d;
                best = id;
            }
        }
        return best == null || bestScore > 2 ? null : best;
    }

    @Test
    void theSameSuggestionsAsComparingWithEveryId() {
        Random r = new Random(7);
        String[] prefixes = {"SPEC-", "FEAT-", "ADR-", "RFC-", "KEP-", "SPEC-0", "Q-"};
        TreeSet<String> ids = new TreeSet<>();
        while (ids.size() < 3000) {
            String p = prefixes[r.nextInt(prefixes.length)];
            ids.add(p + r.nextInt(r.nextBoolean() ? 100 : 5000) + (r.nextInt(20) == 0 ? "-extra" : ""));
        }
        IdSuggester s = new IdSuggester(ids, new LongAdder());
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String p = prefixes[r.nextInt(prefixes.length)];
            String q = p + r.nextInt(r.nextBoolean() ? 200 : 9000);
            if (r.nextInt(5) == 0) {
                q = q.toLowerCase(Locale.ROOT);
            } else if (r.nextInt(5) == 0) {
                q = q.replace("-", ""); // a dash left out
            } else if (r.nextInt(5) == 0) {
                q = "SEPC-" + q.substring(q.indexOf('-') + 1); // letters swapped
            }
            String lower = q.toLowerCase(Locale.ROOT);
            if (ids.stream().noneMatch(id -> id.toLowerCase(Locale.ROOT).equals(lower))) { // a known id is never looked up
                queries.add(q);
            }
        }
        int suggested = 0;
        for (String q : queries) {
            String want = exhaustive(q, ids);
            assertEquals(want, s.nearest(q), q);
            suggested += want == null ? 0 : 1;
        }
        assertTrue(suggested > queries.size() / 2, "most queries have a suggestion: " + suggested + " of " + queries.size());
    }

    @Test
    void denseNumericIdsNeedFewComparisonsPerLookup() {
        TreeSet<String> ids = new TreeSet<>();
        for (int i = 0; i < 20_000; i += 2) {
            ids.add(String.format("SPEC-%05d", i));
        }
        LongAdder comparisons = new LongAdder();
        IdSuggester s = new IdSuggester(ids, comparisons);
        for (int i = 1; i < 20_000; i += 2) {
            String q = String.format("SPEC-%05d", i);
            String got = s.nearest(q);
            if (i % 101 == 1) { // every 50th or so against the search over every id (all of them would take a minute)
                assertEquals(exhaustive(q, ids), got, q);
            } else {
                assertTrue(got != null && IdSuggester.distance(q, got) == 1, q + " -> " + got);
            }
        }
        // 10,000 lookups among 10,000 ids that share deletions with thousands of others
        assertTrue(comparisons.sum() <= 10_000L * 2, "comparisons: " + comparisons.sum());
    }

    @Test
    void eachDistinctIdIsLookedUpOnce() {
        LongAdder comparisons = new LongAdder();
        IdSuggester s = new IdSuggester(List.of("SPEC-1", "SPEC-2", "FEAT-10"), comparisons);
        assertEquals("SPEC-1", s.nearest("SPEC-3"));
        long once = comparisons.sum();
        assertEquals("SPEC-1", s.nearest("spec-3"));
        assertEquals(once, comparisons.sum());
    }

    @Test
    void farAndLongIdsGetNone() {
        IdSuggester s = new IdSuggester(List.of("SPEC-1", "FEAT-10"), new LongAdder());
        assertNull(s.nearest("TOTALLY-DIFFERENT-99"));
        assertNull(s.nearest("SPEC-1" + "0".repeat(IdSuggester.MAX_LENGTH)));
        assertNull(new IdSuggester(List.of(), new LongAdder()).nearest("SPEC-1"));
    }
}
