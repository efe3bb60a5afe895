package dev.specsite.incremental;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.specsite.link.LinkMemory;
import dev.specsite.link.Redirect;
import dev.specsite.link.Resolved;
import dev.specsite.link.ResolvedRelation;
import dev.specsite.parse.ParsedSpec;
import dev.specsite.render.RenderState;
import dev.specsite.scan.Scanner;

import dev.specsite.incremental.CacheBytes.In;
import dev.specsite.incremental.CacheBytes.Out;

/**
 * The bytes of a cache shard: its key, then each parse result (without its body) and each scan stamp,
 * field by field in record component order. Numbers are variable-length; a string that occurs again
 * in a shard (a section name, a diagnostic code, a status) is written once and then referred to by
 * number, and read back as one shared {@code String}.
 * <p>
 * Not Java serialisation, whose per-object class descriptors, handles and reflection made reading
 * the cache a large part of a command-line rebuild (see docs/performance.md); the bytes themselves
 * are written and read by {@link CacheBytes}. Each file ends with a checksum ({@link CacheSeal}). The cache key holds the tool's
 * own content hash, so a shard is only read by the build of the tool that wrote it. A file of another
 * format or key reads as an {@link OtherCache} exception; a damaged or malformed one as
 * {@link Malformed}.
 */
final class CacheCodec {

    /** The first bytes of a shard ("SPC" and a format number; 8: metadata values as inline HTML with their links, a spec's title anchor). */
    private static final int MAGIC = 0x53504338;
    /** The first bytes of the link memory's tables ("SPL3"). */
    private static final int MAGIC_LINKS = 0x53504c33;
    /** The first bytes of the generations file ("SPG3"). */
    private static final int MAGIC_GENERATIONS = 0x53504733;
    /** The first bytes of the render snapshot's file ("SPR3"). */
    private static final int MAGIC_RENDERED = 0x53505233;

    private CacheCodec() {
    }

    /** A file that cannot be read: damaged (its checksum does not match) or malformed. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** A file of another format (another tool's) or, for a shard, of another cache key: not damage. */
    static final class OtherCache extends RuntimeException {
        OtherCache(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * A shard's content.
     *
     * @param generation the save that wrote it (see {@link Generations})
     * @param links      the link memory's entries of its sources ({@link LinkMemory#entries()})
     */
    record Shard(String key, long generation, TreeMap<String, ParsedSpec> parsed, TreeMap<String, Scanner.Stamp> stamps,
                 TreeMap<String, LinkMemory.Entry> links) {
        Shard(String key, TreeMap<String, ParsedSpec> parsed, TreeMap<String, Scanner.Stamp> stamps) {
            this(key, 0, parsed, stamps, new TreeMap<>());
        }
    }

    static byte[] write(Shard shard) {
        Out out = new Out();
        out.fixed(MAGIC);
        out.str(shard.key());
        out.num(shard.generation());
        out.num(shard.parsed().size());
        shard.parsed().forEach((path, p) -> {
            out.str(path);
            CacheRecords.parsed(out, p);
        });
        out.num(shard.stamps().size());
        shard.stamps().forEach((path, s) -> {
            out.str(path);
            out.num(s.size());
            out.num(s.modified());
            out.str(s.hash());
            out.list(s.diagnostics(), CacheRecords::diagnostic);
            out.num(s.scanned());
        });
        out.num(shard.links().size());
        shard.links().forEach((path, e) -> {
            out.str(path);
            entry(out, e);
        });
        return out.bytes();
    }

    /**
     * The shard these bytes hold.
     *
     * @throws Malformed when they are damaged
     * @throws OtherCache when they are of another format
     */
    static Shard read(byte[] bytes) {
        return read(bytes, null);
    }

    /**
     * The shard these bytes hold, when it was written under this key ({@code null}: any key); one of
     * another key is not decoded further (the cache of another tool, configuration or theme).
     *
     * @throws Malformed when they are damaged
     * @throws OtherCache when they are of another format or key
     */
    static Shard read(byte[] bytes, String expectedKey) {
        return reading(bytes, MAGIC, in -> {
            String key = in.str();
            if (expectedKey != null && !expectedKey.equals(key)) {
                throw new OtherCache("a shard of another cache key");
            }
            long generation = in.num();
            TreeMap<String, ParsedSpec> parsed = new TreeMap<>();
            for (int i = in.count(); i > 0; i--) {
                parsed.put(in.str(), CacheRecords.parsed(in));
            }
            TreeMap<String, Scanner.Stamp> stamps = new TreeMap<>();
            for (int i = in.count(); i > 0; i--) {
                stamps.put(in.str(), new Scanner.Stamp(in.num(), in.num(), in.str(), in.list(CacheRecords::diagnostic), in.num()));
            }
            TreeMap<String, LinkMemory.Entry> links = new TreeMap<>();
            for (int i = in.count(); i > 0; i--) {
                links.put(in.str(), entry(in));
            }
            return new Shard(key, generation, parsed, stamps, links);
        });
    }

    /**
     * The generation of each file of a saved cache, written last: a save writes the changed shards
     * and files under a new generation, then this; a reader takes the link memory and the render
     * digests only when every file is of the generation recorded here, so that a save cut short
     * never pairs one build's entries with another's.
     *
     * @param links    the generation of the link memory's tables ({@value BuildCache#LINKS})
     * @param rendered the generation of the render snapshot ({@value BuildCache#RENDERED})
     * @param shards   the generation of each shard
     */
    record Generations(String key, long links, long rendered, long[] shards) {
    }

    /** The link memory's site-wide part (its entries are in the shards), under a key and generation. */
    record LinkTables(String key, long generation, LinkMemory memory) {
    }

    static byte[] write(Generations g) {
        Out out = new Out();
        out.fixed(MAGIC_GENERATIONS);
        out.str(g.key());
        out.num(g.links());
        out.num(g.rendered());
        out.num(g.shards().length);
        for (long x : g.shards()) {
            out.num(x);
        }
        return out.bytes();
    }

    static Generations readGenerations(byte[] bytes) {
        return reading(bytes, MAGIC_GENERATIONS, in -> {
            String key = in.str();
            long links = in.num();
            long rendered = in.num();
            long[] shards = new long[in.count()];
            for (int i = 0; i < shards.length; i++) {
                shards[i] = in.num();
            }
            return new Generations(key, links, rendered, shards);
        });
    }

    static byte[] write(LinkTables l) {
        Out o = new Out();
        o.fixed(MAGIC_LINKS);
        o.str(l.key());
        o.num(l.generation());
        LinkMemory m = l.memory();
        LinkMemory.Tables t = m.tables();
        o.strMap(t.idByPath());
        o.strMap(t.lowerIds());
        o.strMap(t.lowerPaths());
        o.list(t.prefixes(), Out::str);
        o.list(t.files(), Out::str);
        o.list(t.dirs(), Out::str);
        o.strMap(t.slugs());
        o.strMap(t.formerPaths());
        o.list(new ArrayList<>(new TreeMap<>(t.byFileName()).entrySet()), (x, e) -> {
            x.str(e.getKey());
            x.list(e.getValue(), Out::str);
        });
        o.strMap(t.formerPages());
        o.list(t.renamedPages(), Out::str);
        o.list(new ArrayList<>(new TreeMap<>(t.numbers()).entrySet()), (x, e) -> {
            x.num(e.getKey());
            x.str(e.getValue());
        });
        o.list(t.numberWords(), Out::str);
        o.strMap(m.renames());
        o.list(m.contested(), Out::str);
        o.list(new ArrayList<>(new TreeMap<>(m.wordCounts()).entrySet()), (x, e) -> {
            x.str(e.getKey());
            x.list(new ArrayList<>(new TreeMap<>(e.getValue()).entrySet()), (y, n) -> {
                y.num(n.getKey());
                y.num(n.getValue());
            });
        });
        o.list(m.redirects(), (x, r) -> {
            x.str(r.from());
            x.str(r.toId());
            x.str(r.reason());
        });
        o.list(m.redirectDiags(), CacheRecords::diagnostic);
        return o.bytes();
    }

    static LinkTables readLinkTables(byte[] bytes) {
        return reading(bytes, MAGIC_LINKS, i -> {
            String key = i.str();
            long generation = i.num();
            LinkMemory.Tables t = new LinkMemory.Tables(i.strMap(), i.strMap(), i.strMap(), i.list(In::str),
                    i.list(In::str), i.list(In::str), i.strMap(), i.strMap(), i.map(In::str, x -> x.list(In::str)),
                    i.strMap(), i.list(In::str), i.map(In::num, In::str), i.list(In::str));
            // immutable copies: a linker that takes the memory back keeps them as they are (List.copyOf and
            // Map.copyOf hand them back), so the next save finds the same objects when nothing changed
            LinkMemory m = new LinkMemory(t, Map.copyOf(i.strMap()), i.list(In::str),
                    i.map(In::str, x -> x.map(In::num, In::int32)), List.copyOf(i.list(x -> new Redirect(x.str(), x.str(), x.str()))),
                    List.copyOf(i.list(CacheRecords::diagnostic)), Map.of());
            return new LinkTables(key, generation, m);
        });
    }

    /** The last render's snapshot, under a key and generation. */
    record Rendered(String key, long generation, RenderState.Snapshot snapshot) {
    }

    static byte[] write(Rendered r) {
        Out o = new Out();
        o.fixed(MAGIC_RENDERED);
        o.str(r.key());
        o.num(r.generation());
        RenderState.Snapshot s = r.snapshot();
        o.str(s.key());
        o.num(s.ids().length);
        for (int k = 0; k < s.ids().length; k++) {
            o.str(s.ids()[k]);
            o.num(s.digests()[k]);
            o.num(s.summaries()[k]);
            o.str(s.dates()[k]);
            o.num(s.diagnosticCounts()[k]);
        }
        o.num(s.diagnostics());
        o.num(s.redirects());
        o.list(s.otherPages(), Out::str);
        return o.bytes();
    }

    static Rendered readRendered(byte[] bytes) {
        return reading(bytes, MAGIC_RENDERED, i -> {
            String key = i.str();
            long generation = i.num();
            String snapshotKey = i.str();
            int n = i.count();
            String[] ids = new String[n];
            long[] digests = new long[n];
            long[] summaries = new long[n];
            String[] dates = new String[n];
            int[] counts = new int[n];
            for (int k = 0; k < n; k++) {
                ids[k] = i.str();
                digests[k] = i.num();
                summaries[k] = i.num();
                dates[k] = i.str();
                counts[k] = i.int32();
            }
            return new Rendered(key, generation, new RenderState.Snapshot(snapshotKey, ids, digests, summaries, i.num(),
                    i.num(), i.list(In::str), dates, counts));
        });
    }

    /**
     * Reads a whole file's bytes that start with this magic number and end with their checksum; a file
     * of another format is {@link OtherCache}, anything damaged or malformed {@link Malformed}.
     */
    private static <T> T reading(byte[] bytes, int magic, Function<In, T> body) {
        switch (CacheSeal.check(bytes, magic)) {
            case OTHER_FORMAT -> throw new OtherCache("not a cache file of this kind or format (another magic number)");
            case DAMAGED -> throw new Malformed("damaged (its checksum does not match)");
            case SOUND -> {
            }
        }
        try {
            In in = new In(bytes, bytes.length - CacheSeal.SIZE);
            in.fixed();
            T t = body.apply(in);
            in.end();
            return t;
        } catch (IndexOutOfBoundsException | NegativeArraySizeException | NullPointerException
                 | IllegalArgumentException e) {
            throw new Malformed("malformed cache file: " + e);
        }
    }

    // ---------------------------------------------------------------- the records, both ways

    private static void entry(Out o, LinkMemory.Entry e) {
        o.str(e.id());
        o.list(e.extra(), CacheRecords::diagnostic);
        o.list(e.resolved(), CacheCodec::resolved);
        o.list(e.raw(), CacheCodec::resolved);
        o.list(e.refs(), (x, r) -> {
            x.str(r.targetId());
            x.str(r.anchor());
            x.str(r.context());
            x.num(r.line());
        });
        o.list(e.broken(), Out::str);
        o.list(e.diagnostics(), CacheRecords::diagnostic);
        o.list(e.consulted(), Out::str);
        o.list(e.copied(), Out::str);
        o.list(e.relations(), (x, r) -> {
            x.str(r.type());
            x.str(r.target());
            x.str(r.targetId());
            x.bool(r.declared());
        });
        o.list(e.relationDiags(), CacheRecords::diagnostic);
        o.list(e.aliases(), Out::str);
        o.list(e.formerPaths(), Out::str);
    }

    private static LinkMemory.Entry entry(In i) {
        return new LinkMemory.Entry(i.str(), i.list(CacheRecords::diagnostic), i.list(CacheCodec::resolved),
                i.list(CacheCodec::resolved),
                i.list(x -> new LinkMemory.Ref(x.str(), x.str(), x.str(), x.int32())), i.list(In::str),
                i.list(CacheRecords::diagnostic), i.list(In::str), i.list(In::str),
                i.list(x -> new ResolvedRelation(x.str(), x.str(), x.str(), x.bool())), i.list(CacheRecords::diagnostic),
                i.list(In::str), i.list(In::str));
    }

    /*
     * A resolution is a tag, then its fields: 0 none; 1 ToSpec id, anchor, title; 2 SamePage fragment;
     * 3 ToFile path, fragment; 4 External url; 5 Broken reason, written; 6 Unknown kind; 7 Plain.
     */
    private static void resolved(Out o, Resolved r) {
        if (r == null) {
            o.num(0);
        } else if (r instanceof Resolved.ToSpec t) {
            o.num(1);
            o.str(t.id());
            o.str(t.anchor());
            o.str(t.title());
        } else if (r instanceof Resolved.SamePage p) {
            o.num(2);
            o.str(p.fragment());
        } else if (r instanceof Resolved.ToFile f) {
            o.num(3);
            o.str(f.path());
            o.str(f.fragment());
        } else if (r instanceof Resolved.External e) {
            o.num(4);
            o.str(e.url());
        } else if (r instanceof Resolved.Broken b) {
            o.num(5);
            o.num(b.reason().ordinal());
            o.str(b.written());
        } else if (r instanceof Resolved.Unknown u) {
            o.num(6);
            o.num(u.kind().ordinal());
        } else {
            o.num(7);
        }
    }

    private static Resolved resolved(In i) {
        return switch (i.int32()) {
            case 0 -> null;
            case 1 -> new Resolved.ToSpec(i.str(), i.str(), i.str());
            case 2 -> new Resolved.SamePage(i.str());
            case 3 -> new Resolved.ToFile(i.str(), i.str());
            case 4 -> new Resolved.External(i.str());
            case 5 -> new Resolved.Broken(Resolved.Broken.Reason.values()[i.int32()], i.str());
            case 6 -> new Resolved.Unknown(Resolved.Unknown.Kind.values()[i.int32()]);
            case 7 -> Resolved.Plain.TEXT;
            default -> throw new IllegalArgumentException("no such resolution");
        };
    }
}
