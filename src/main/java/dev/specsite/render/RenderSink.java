package dev.specsite.render;

/** Where rendered files go (the writer). Must accept calls from several threads. */
public interface RenderSink {
    /** A sink that drops everything (for checking without writing). */
    RenderSink DISCARD = new RenderSink() {
        @Override
        public void accept(Output output) {
        }

        @Override
        public boolean keep(String path) {
            return false;
        }
    };

    /** Takes a rendered file. */
    void accept(Output output);

    /**
     * Keeps the file an earlier build wrote at {@code path} as it is.
     *
     * @return false when there is no such file (then the page must be rendered)
     */
    boolean keep(String path);
}
