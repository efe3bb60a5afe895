import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;

import freemarker.template.Configuration;
import freemarker.template.Template;

/**
 * The plain program the issue measures against: what bench/run.sh has Hugo do, with the required
 * libraries and nothing else. Reads every {@code .md} file of a corpus, parses it with flexmark (the
 * extensions specsite uses), renders it with flexmark's HTML renderer into a one-line FreeMarker page
 * (title and content, as the Hugo site's single.html), writes one file per spec and a list page, on
 * all cores, in a fresh JVM with the launcher's JIT setting. No spec data, links, indexes, dashboards,
 * cache. Timed by bench/run.sh next to specsite and Hugo. Not part of the test suite.
 *
 * <pre>javac -cp 'target/lib/*' -d target/bench/floor bench/PlainProgram.java
 * java -XX:TieredStopAtLevel=1 -cp 'target/bench/floor:target/lib/*' PlainProgram CORPUS OUTPUT</pre>
 */
public final class PlainProgram {
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TaskListExtension.create(),
                StrikethroughExtension.create()));
        Parser parser = Parser.builder(options).build();
        HtmlRenderer renderer = HtmlRenderer.builder(options).build();
        Configuration fm = new Configuration(Configuration.VERSION_2_3_34);
        fm.setDefaultEncoding("UTF-8");
        fm.setOutputFormat(freemarker.core.HTMLOutputFormat.INSTANCE); // escapes ${...} as specsite's templates do
        Template page = new Template("single", "<!DOCTYPE html><html><head><title>${title}</title></head>"
                + "<body><main>${content?no_esc}</main></body></html>", fm);
        Template list = new Template("list", "<!DOCTYPE html><html><body><ul><#list pages as p>"
                + "<li><a href=\"${p.url}\">${p.title}</a></li></#list></ul></body></html>", fm);
        List<Map<String, String>> pages = files.parallelStream().map(f -> {
            try {
                Document doc = parser.parse(Files.readString(f));
                String title = f.getFileName().toString().replaceFirst("\\.md$", "");
                for (var n = doc.getFirstChild(); n != null; n = n.getNext()) {
                    if (n instanceof com.vladsch.flexmark.ast.Heading h && h.getLevel() == 1) {
                        title = h.getText().toString();
                        break;
                    }
                }
                String rel = corpus.relativize(f).toString().replaceFirst("\\.md$", "") + "/index.html";
                StringWriter w = new StringWriter();
                page.process(Map.of("title", title, "content", renderer.render(doc)), w);
                Path target = out.resolve(rel);
                Files.createDirectories(target.getParent());
                Files.write(target, w.toString().getBytes(StandardCharsets.UTF_8));
                return Map.of("url", rel, "title", title);
            } catch (Exception e) {
                throw new RuntimeException(f.toString(), e);
            }
        }).toList();
        StringWriter w = new StringWriter();
        list.process(Map.of("pages", new ArrayList<>(pages)), w);
        Files.createDirectories(out);
        Files.writeString(out.resolve("index.html"), w.toString());
        System.out.println(pages.size() + " pages written to " + out);
    }
}
