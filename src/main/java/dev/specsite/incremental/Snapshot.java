package dev.specsite.incremental;

import java.util.Map;

import dev.specsite.index.IndexState;
import dev.specsite.link.LinkState;
import dev.specsite.parse.ParsedSpec;
import dev.specsite.render.RenderState;
import dev.specsite.scan.GitDates;
import dev.specsite.scan.Scanner;

/**
 * Everything one build leaves for the next, and the only state kept between builds: a long-lived
 * builder (a preview server) holds it in memory, the command line keeps it on disk as the build
 * cache ({@link BuildCache}) and reads back the same snapshot. Each stage is a function of its input
 * and of its part of the snapshot before, and gives its part of the next one; a snapshot is never
 * changed.
 * <ul>
 * <li>scan: what it learnt of each file ({@link #stamps}), so that an unchanged file is not read;</li>
 * <li>parse: each file's parse result ({@link #parsed}), taken again while the file's content hash is
 * the same (what the scan finds changed: {@link ChangeSet});</li>
 * <li>Git: the last reading of the history ({@link #git}), taken again while its head is the same;</li>
 * <li>link: the lookup tables and each spec's resolution with the ids of the specs it consulted
 * ({@link LinkState}), from which the link stage resolves again only the specs an edit reaches;</li>
 * <li>index: the last index and what it was made of ({@link IndexState});</li>
 * <li>render: the digest of what each page showed and of what the dashboards read of each spec
 * ({@link RenderState}), from which the next render knows which pages an edit reaches.</li>
 * </ul>
 * What each part records, and why its figures make it worth keeping, is written beside it; the
 * whole design is in {@code docs/architecture.md}.
 *
 * @param key    what the snapshot depends on besides the files (tool, configuration, theme): a
 *               snapshot of another key is not used
 * @param stamps per source path, what the scan learnt of the file
 * @param parsed per source path, its parse result
 * @param git    the last reading of the Git history, or {@code null}
 * @param link   the link stage's state, or {@code null}
 * @param index  the index stage's state, or {@code null}
 * @param render the render stage's state
 */
public record Snapshot(String key, Map<String, Scanner.Stamp> stamps, Map<String, ParsedSpec> parsed, GitDates git,
                       LinkState link, IndexState index, RenderState render) {

    public Snapshot {
        stamps = Map.copyOf(stamps);
        parsed = Map.copyOf(parsed);
    }

    /** Before the first build. */
    public static Snapshot empty(String key) {
        return new Snapshot(key, Map.of(), Map.of(), null, null, null, RenderState.NONE);
    }

    /** What a scan may take from this snapshot: the stamps of files whose parse result it holds. */
    public Scanner.Known known() {
        return path -> {
            Scanner.Stamp st = stamps.get(path);
            ParsedSpec p = parsed.get(path);
            return st != null && p != null && p.spec().hash().equals(st.hash()) ? st : null;
        };
    }
}
