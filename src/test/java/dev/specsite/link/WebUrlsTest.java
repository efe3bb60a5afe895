package dev.specsite.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which absolute URLs point back into the repository or the site. */
class WebUrlsTest {

    static final WebUrls GITHUB = new WebUrls("https://github.com/acme/specs/blob/main/docs", "https://acme.dev/specs");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "https://github.com/acme/specs/blob/main/docs/auth/reset.md        | auth/reset.md",
            "https://github.com/acme/specs/blob/v1.2/docs/auth/reset.md#flow   | auth/reset.md",
            "http://www.github.com/Acme/Specs/tree/main/docs/auth              | auth",
            "https://github.com/acme/specs/blob/main/docs/my%20spec.md?plain=1 | my spec.md",
            "https://github.com/acme/specs/blob/main/README.md                 | null",
            "https://github.com/acme/other/blob/main/docs/auth/reset.md        | null",
            "https://example.com/acme/specs/blob/main/docs/auth/reset.md       | null",
    })
    void repositoryFileUrls(String url, String path) {
        assertEquals(path, GITHUB.sourcePath(url));
    }

    @Test
    void gitlabBlobUrlsAndRepositoryNames() {
        WebUrls gitlab = new WebUrls("https://gitlab.example.com/group/sub/specs/-/blob/main", "");
        assertEquals("a/b.md", gitlab.sourcePath("https://gitlab.example.com/group/sub/specs/-/blob/dev/a/b.md"));
        assertTrue(gitlab.isRepository("specs"));
        assertTrue(gitlab.isRepository("sub/specs"));
        assertFalse(gitlab.isRepository("other"));
        assertEquals(12, gitlab.requestNumber("https://gitlab.example.com/group/sub/specs/-/merge_requests/12"));
        assertEquals(7, GITHUB.requestNumber("https://github.com/acme/specs/pull/7"));
        assertEquals(-1, GITHUB.requestNumber("https://github.com/acme/specs/pull/7#issuecomment-1"));
        assertEquals(-1, GITHUB.requestNumber("https://github.com/acme/specs/pull/7/files"));
        assertEquals(-1, GITHUB.requestNumber("https://github.com/acme/other/pull/7"));
    }

    @Test
    void sitePaths() {
        assertEquals("specs/SPEC-1.html", GITHUB.sitePath("https://acme.dev/specs/specs/SPEC-1.html#top"));
        assertEquals("SPEC-1", GITHUB.sitePath("http://acme.dev/specs/SPEC-1"));
        assertEquals("", GITHUB.sitePath("https://acme.dev/specs"));
        assertEquals(null, GITHUB.sitePath("https://acme.dev/other/SPEC-1"));
        assertEquals(null, new WebUrls("", "").sitePath("https://acme.dev/specs/SPEC-1"));
        assertEquals(null, new WebUrls("", "").sourcePath("https://github.com/acme/specs/blob/main/docs/a.md"));
    }
}
