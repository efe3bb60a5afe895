import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.specsite.config.ConfigLoader;
import dev.specsite.config.SiteConfig;
import dev.specsite.index.IndexState;
import dev.specsite.link.Linker;
import dev.specsite.model.SourceFile;
import dev.specsite.parse.ParsedSpec;
import dev.specsite.parse.SpecParser;
import dev.specsite.scan.GitDates;
import dev.specsite.scan.ScanResult;
import dev.specsite.scan.Scanner;

/**
 * What the stage states of the snapshot save after one edit of a body (the in-process rebuild of a
 * preview server): the link stage from its last state (only the edited spec resolved again) against
 * a full link run, and the index carried over against one made afresh. Medians of
 * {@code -Drounds=N} (default 15) runs each, alternated. The figures are written beside the states
 * in docs/performance.md; they are why {@code link/Relink} and {@code SiteIndex.swapped} are kept.
 *
 * <pre>java -cp 'target/specsite.jar:target/lib/*' bench/StageMemories.java CORPUS</pre>
 */
public final class StageMemories {
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        SiteConfig config = ConfigLoader.load(null, Path.of("").toAbsolutePath(), corpus, Path.of("/tmp/unused-out"));
        ScanResult scan = new Scanner(config.excludes(), config.maxFileBytes(), null, config.sidecars()).scan(corpus);
        SpecParser parser = new SpecParser(config);
        List<ParsedSpec> parsed = new ArrayList<>(scan.specs().parallelStream().map(parser::parse).toList());
        Linker linker = new Linker(config);
        GitDates git = GitDates.read(corpus, null);
        Linker.Run first = linker.run(parsed, scan.otherFiles(), List.of(), Map.of(), null);
        IndexState.Run index = IndexState.index(null, first.site(), config, git);
        SourceFile f = scan.specs().get(0);
        int rounds = Integer.getInteger("rounds", 15);
        List<Long> relink = new ArrayList<>(), full = new ArrayList<>(), carried = new ArrayList<>(), fresh = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            String text = f.text() + "\nEdited in round " + i + ".\n";
            List<ParsedSpec> now = new ArrayList<>(parsed);
            now.set(0, parser.parse(new SourceFile(f.path(), text, "round-" + i)));
            long t = System.nanoTime();
            Linker.Run again = linker.run(now, scan.otherFiles(), List.of(), Map.of(), first.state());
            relink.add(System.nanoTime() - t);
            t = System.nanoTime();
            linker.run(now, scan.otherFiles(), List.of(), Map.of(), null);
            full.add(System.nanoTime() - t);
            t = System.nanoTime();
            IndexState.Run kept = IndexState.index(index.state(), again.site(), config, git);
            carried.add(System.nanoTime() - t);
            t = System.nanoTime();
            IndexState.index(null, again.site(), config, git);
            fresh.add(System.nanoTime() - t);
            if (!kept.carried() || again.tablesMade()) {
                throw new IllegalStateException("the edit was expected to keep the tables and the index");
            }
        }
        System.out.printf("%d specs: link from its state %d ms, full link %d ms; index carried %d ms, made afresh %d ms%n",
                parsed.size(), median(relink), median(full), median(carried), median(fresh));
    }

    private static long median(List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        return s.get(s.size() / 2) / 1_000_000;
    }
}
