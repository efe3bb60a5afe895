package dev.specsite.render;

/**
 * Remembers the fingerprint each page was last rendered from, so that an unchanged page is not
 * rendered again. Must accept calls from several threads.
 */
public interface PageMemo {
    /** A memo that remembers nothing: every page is rendered. */
    PageMemo NONE = new PageMemo() {
        @Override
        public boolean unchanged(String path, long fingerprint) {
            return false;
        }

        @Override
        public void remember(String path, long fingerprint) {
        }
    };

    /** Whether the page at {@code path} was last rendered from this fingerprint. */
    boolean unchanged(String path, long fingerprint);

    /** Records the fingerprint the page at {@code path} is rendered from now. */
    void remember(String path, long fingerprint);
}
