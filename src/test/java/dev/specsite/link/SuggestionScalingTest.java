package dev.specsite.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.specsite.TestSites;
import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.model.SourceFile;
import dev.specsite.parse.ParsedSpec;
import dev.specsite.parse.SpecParser;

/**
 * Linking a site where every spec mentions ids no spec has costs in proportion to the site, counted
 * as the distance computations of the suggestions (not as time): each distinct unknown id is looked
 * up once, with a bounded number of comparisons, where comparing with every id made n² of them.
 */
class SuggestionScalingTest {

    private static final SiteConfig CONFIG = TestSites.config(Path.of("content"), Path.of("target/scaling-site"));

    /** {@code n} specs with even numbers; each mentions two odd numbers (unknown, near known ones) and a ticket key. */
    private static List<ParsedSpec> site(int n) {
        SpecParser parser = new SpecParser(CONFIG);
        List<ParsedSpec> parsed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = String.format("SPEC-%05d", 2 * i);
            String text = "# " + id + ": Spec " + i + "\n\nSee " + String.format("SPEC-%05d", (2 * i + 1) % (2 * n))
                    + " and " + String.format("SPEC-%05d", (2 * i + 7) % (2 * n)) + " and again "
                    + String.format("SPEC-%05d", (2 * i + 1) % (2 * n)) + ", tracked in PROJ-" + i + ".\n";
            parsed.add(parser.parse(new SourceFile("specs/s" + i + ".md", text, "h" + i)));
        }
        return parsed;
    }

    private static long comparisons(int n) {
        Linker linker = new Linker(CONFIG);
        LinkedSite site = linker.link(site(n), List.of(), List.of(), Map.of());
        List<Diagnostic> unknown = site.allDiagnostics().stream().filter(d -> d.code().equals("unknown-id")).toList();
        // one warning per spec and id: two distinct unknown ids a spec, the first mentioned twice
        assertEquals(2L * n, unknown.size());
        assertTrue(unknown.stream().allMatch(d -> d.hint().startsWith("did you mean SPEC-")), unknown.get(0).toString());
        assertEquals(n, unknown.stream().filter(d -> d.message().contains("mentioned 2 times")).count());
        return linker.suggestionComparisons();
    }

    @Test
    void twentyThousandIdsEachMentioningUnknownOnesLinkInProportion() {
        long small = comparisons(2_000);
        long large = comparisons(20_000);
        // 20,000 specs, 40,000 distinct unknown ids (some shared): a few comparisons each
        assertTrue(large <= 20_000L * 2 * 2, "comparisons at 20,000 specs: " + large);
        assertTrue(large <= small * 12, "2,000 specs: " + small + " comparisons, 20,000: " + large);
    }
}
