package dev.specsite.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz test of {@link FuzzTargets#parse} (the fuzz profile: mvn -B -Pfuzz -Dtest=SpecParserFuzzTest test;
 * its seeds are src/test/resources/hostile/cache/fuzz/parse/).
 */
class SpecParserFuzzTest {

    @FuzzTest
    void fuzz(byte[] data) {
        FuzzTargets.parse(data);
    }
}
