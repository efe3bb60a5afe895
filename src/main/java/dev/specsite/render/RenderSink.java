package dev.specsite.render;

/** Where rendered files go (the writer). Must accept calls from several threads. */
public interface RenderSink {
    /** A sink that drops everything (for checking without writing). */
    RenderSink DISCARD = output -> {
    };

    /** Takes a rendered file. */
    void accept(Output output);
}
