package dev.specsite.parse;

import static dev.specsite.parse.ParseFixture.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.vladsch.flexmark.ast.Heading;

import dev.specsite.model.ChecklistItem;
import dev.specsite.model.Spec;

/** The rule machinery: a section's span, and the registry's order and freshness. */
class SectionRuleTest {

    private static Heading heading(int level) {
        Heading h = new Heading();
        h.setLevel(level);
        return h;
    }

    @Test
    void aSpanOpensAtItsNameAndClosesAtTheNextHeadingOfItsLevelOrHigher() {
        SectionSpan span = new SectionSpan(Pattern.compile("(?i)risks"));
        span.at(heading(2), "Goals");
        assertFalse(span.open());
        span.at(heading(2), "Risks");
        assertTrue(span.open());
        span.at(heading(3), "Security");
        assertTrue(span.open(), "a sub-heading stays inside");
        span.at(heading(2), "Risks");
        assertTrue(span.open(), "a heading of its level that names it again opens it again");
        span.at(heading(1), "Appendix");
        assertFalse(span.open());
    }

    @Test
    void eachDocumentGetsNewRules() {
        List<SectionRule> a = Rules.forDocument();
        List<SectionRule> b = Rules.forDocument();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertNotSame(a.get(i), b.get(i));
        }
    }

    @Test
    void questionsAndSignOffsTakeTheirTaskItemsBeforeTheChecklist() {
        Spec s = parse("""
                # Rules

                ## Open questions

                - [ ] Which cache?

                ## Approvals

                - [x] Security: Ann Lee

                ## Rollout

                - [ ] Enable the flag
                """).spec();
        assertEquals(List.of("Enable the flag"), s.checklist().stream().map(ChecklistItem::text).toList());
        assertEquals(1, s.questions().size());
        assertEquals("Which cache?", s.questions().get(0).text());
        assertEquals("Security", s.approvals().get(0).role());
        assertEquals("approved", s.approvals().get(0).state());
    }
}
