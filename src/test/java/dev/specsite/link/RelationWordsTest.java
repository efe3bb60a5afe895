package dev.specsite.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Relation diagnostics read as English for every relation type. */
class RelationWordsTest {

    @Test
    void everyRelationTypeReadsAsEnglish() {
        assertEquals("supersedes", Relations.phrase("supersedes"));
        assertEquals("is superseded by", Relations.phrase("superseded-by"));
        assertEquals("replaces", Relations.phrase("replaces"));
        assertEquals("depends on", Relations.phrase("depends-on"));
        assertEquals("is required by", Relations.phrase("required-by"));
        assertEquals("is related to", Relations.phrase("related"));
        assertEquals("refers to", Relations.phrase("see-also"));
    }
}
