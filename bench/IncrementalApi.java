import java.nio.file.Files;
import java.nio.file.Path;

import dev.specsite.config.ConfigLoader;
import dev.specsite.config.SiteConfig;
import dev.specsite.site.BuildListener;
import dev.specsite.site.BuildResult;
import dev.specsite.site.SiteBuilder;

/**
 * Times an incremental build through the in-process API, as a preview server would call it: one
 * cold build, then one edit and a rebuild with the same {@link SiteBuilder} (its cache kept).
 *
 * <pre>java -cp 'target/specsite.jar:target/lib/*' bench/IncrementalApi.java CORPUS OUTPUT</pre>
 */
public final class IncrementalApi {
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path out = Path.of(args[1]);
        SiteConfig config = ConfigLoader.load(null, Path.of("").toAbsolutePath(), corpus, out);
        SiteBuilder builder = new SiteBuilder(config, BuildListener.SILENT, false);
        BuildResult cold = builder.build(true);
        Path edited;
        try (var s = Files.walk(corpus)) {
            edited = s.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
        }
        String before = Files.readString(edited);
        long best = Long.MAX_VALUE;
        try {
            for (int i = 0; i < 5; i++) {
                Files.writeString(edited, before + "\nEdited in round " + i + ".\n");
                long t = System.nanoTime();
                builder.build(true);
                best = Math.min(best, (System.nanoTime() - t) / 1_000_000);
            }
        } finally {
            Files.writeString(edited, before);
        }
        System.out.printf("in-process: cold %d ms, incremental after one edit %d ms (best of 5)%n", cold.millis(), best);
    }
}
