import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;

/**
 * The floor the required Markdown library sets: reads every {@code .md} file of a corpus and parses
 * it with flexmark (the extensions specsite uses), on all cores, in a fresh JVM with the launcher's
 * JIT setting, and does nothing else: no HTML, no spec data, no links, no templates, no files.
 * (specsite writes the HTML of the parsed tree itself; flexmark's own HTML renderer took three
 * fifths of parse-and-render, and was the floor this program measured up to session 4.) Timed by
 * bench/run.sh next to specsite and Hugo. Not part of the test suite.
 *
 * <pre>javac -cp 'target/lib/*' -d target/bench/floor bench/FlexmarkFloor.java
 * java -XX:TieredStopAtLevel=1 -cp 'target/bench/floor:target/lib/*' FlexmarkFloor CORPUS</pre>
 */
public final class FlexmarkFloor {
    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
            files = s.filter(p -> p.toString().endsWith(".md")).toList();
        }
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TaskListExtension.create(),
                StrikethroughExtension.create()));
        Parser parser = Parser.builder(options).build();
        long nodes = files.parallelStream().mapToLong(f -> {
            try {
                long blocks = 0;
                for (Node n = parser.parse(Files.readString(f)).getFirstChild(); n != null; n = n.getNext()) {
                    blocks++;
                }
                return blocks;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).sum();
        System.out.println(files.size() + " files parsed, " + nodes + " top-level blocks");
    }
}
