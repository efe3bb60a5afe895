import java.nio.file.Path;

import dev.specsite.config.ConfigLoader;
import dev.specsite.config.SiteConfig;
import dev.specsite.parse.ParsedSpec;
import dev.specsite.parse.SpecParser;
import dev.specsite.scan.ScanResult;

/**
 * Parse throughput on one thread: scans a corpus once, then parses every file ROUNDS times and
 * prints the time of each round (the first rounds include JIT warm-up). Not part of the test suite.
 *
 * <pre>java -cp 'target/specsite.jar:target/lib/*' bench/ParseBench.java target/bench/corpus-1000 8</pre>
 */
public final class ParseBench {
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        SiteConfig config = ConfigLoader.load(null, Path.of("").toAbsolutePath(), corpus, Path.of("target/parse-bench-unused"));
        ScanResult scan = new dev.specsite.scan.Scanner(config.excludes(), config.maxFileBytes(), null, config.sidecars()).scan(corpus);
        SpecParser parser = new SpecParser(config);
        long chars = scan.specs().stream().mapToLong(s -> s.text().length()).sum();
        long check = 0;
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            for (var s : scan.specs()) {
                ParsedSpec p = parser.parse(s);
                check += p.html().length();
            }
            double ms = (System.nanoTime() - t) / 1e6;
            System.out.printf("round %d: %.0f ms, %.3f ms/spec, %.1f MB/s%n", r, ms, ms / scan.specs().size(), chars / 1e3 / ms);
        }
        System.out.println("(html chars " + check + ")");
    }
}
