import java.nio.file.Files;
import java.nio.file.Path;

import dev.specsite.config.ConfigLoader;
import dev.specsite.config.SiteConfig;
import dev.specsite.site.BuildListener;
import dev.specsite.site.BuildResult;
import dev.specsite.site.SiteBuilder;

/**
 * Times an incremental build through the in-process API, as a preview server would call it: one
 * cold build, then rounds of one edit and a rebuild with the same {@link SiteBuilder} (its cache
 * kept); prints the median. {@code -Drounds=N} (default 5).
 *
 * <pre>java -cp 'target/specsite.jar:target/lib/*' bench/IncrementalApi.java CORPUS OUTPUT</pre>
 */
public final class IncrementalApi {
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path out = Path.of(args[1]);
        SiteConfig config = ConfigLoader.load(null, Path.of("").toAbsolutePath(), corpus, out);
        StageTimes times = new StageTimes();
        SiteBuilder builder = new SiteBuilder(config, times, false);
        BuildResult cold = builder.build(true);
        Path edited;
        try (var s = Files.walk(corpus)) {
            edited = s.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
        }
        String before = Files.readString(edited);
        java.util.List<Long> all = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < Integer.getInteger("rounds", 5); i++) {
                Files.writeString(edited, before + "\nEdited in round " + i + ".\n");
                long t = System.nanoTime();
                times.reset();
                BuildResult r = builder.build(true);
                long ms = (System.nanoTime() - t) / 1_000_000;
                System.out.println("round " + i + ": " + ms + " ms " + times.summary() + ", " + r.written() + " files written");
                all.add(ms);
            }
        } finally {
            Files.writeString(edited, before);
        }
        java.util.Collections.sort(all);
        System.out.printf("in-process: cold %d ms, incremental after one edit %d ms (median of %d; best %d ms)%n",
                cold.millis(), all.get((all.size() - 1) / 2), all.size(), all.get(0));
    }

    /** Records when each stage began, to print how long each took. */
    static final class StageTimes implements BuildListener {
        private final java.util.List<String> names = new java.util.ArrayList<>();
        private final java.util.List<Long> starts = new java.util.ArrayList<>();
        private long t0;

        void reset() {
            names.clear();
            starts.clear();
            t0 = System.nanoTime();
        }

        @Override
        public synchronized void stage(String name, int items) {
            names.add(name);
            starts.add(System.nanoTime());
        }

        String summary() {
            StringBuilder sb = new StringBuilder("(");
            long prev = t0;
            String prevName = "start";
            for (int i = 0; i < names.size(); i++) {
                sb.append(prevName).append(' ').append((starts.get(i) - prev) / 1_000_000).append(" ms, ");
                prev = starts.get(i);
                prevName = names.get(i);
            }
            return sb.append(prevName).append(' ').append((System.nanoTime() - prev) / 1_000_000).append(" ms)").toString();
        }
    }
}
