package dev.specsite.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz test of {@link FuzzTargets#metadata} (the fuzz profile: mvn -B -Pfuzz -Dtest=MetadataFuzzTest test;
 * its seeds are src/test/resources/hostile/cache/fuzz/metadata/).
 */
class MetadataFuzzTest {

    @FuzzTest
    void fuzz(byte[] data) {
        FuzzTargets.metadata(data);
    }
}
