package dev.specsite.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz test of {@link FuzzTargets#link} (the fuzz profile: mvn -B -Pfuzz -Dtest=LinkerFuzzTest test;
 * its seeds are src/test/resources/hostile/cache/fuzz/link/).
 */
class LinkerFuzzTest {

    @FuzzTest
    void fuzz(byte[] data) {
        FuzzTargets.link(data);
    }
}
