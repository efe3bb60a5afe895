package dev.specsite.site;

/** Told how a build advances, so that a long build can show progress. The library never prints. */
public interface BuildListener {
    /** A listener that ignores everything. */
    BuildListener SILENT = new BuildListener() {
    };

    /** A stage begins; {@code items} is how many things it works on (0 when unknown). */
    default void stage(String name, int items) {
    }

    /** {@code done} of the stage's items are finished. */
    default void progress(String stage, int done, int total) {
    }

    /** The site was published: {@code renames} renames, {@code nanos} from the first to the last. */
    default void published(int renames, long nanos) {
    }
}
