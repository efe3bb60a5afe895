package dev.specsite.site;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import dev.specsite.diag.Diagnostic;
import dev.specsite.diag.Severity;
import dev.specsite.link.LinkMemory;
import dev.specsite.link.Redirect;
import dev.specsite.link.Resolved;
import dev.specsite.link.ResolvedRelation;
import dev.specsite.model.Approval;
import dev.specsite.model.ChecklistItem;
import dev.specsite.model.MetaEntry;
import dev.specsite.model.OpenQuestion;
import dev.specsite.model.RelatedDocument;
import dev.specsite.model.Relation;
import dev.specsite.model.Requirement;
import dev.specsite.model.Risk;
import dev.specsite.model.Section;
import dev.specsite.model.Spec;
import dev.specsite.model.SpecLink;
import dev.specsite.model.Status;
import dev.specsite.model.UserStory;
import dev.specsite.parse.ParsedSpec;
import dev.specsite.render.RenderMemory;
import dev.specsite.scan.Scanner;

/**
 * The bytes of a cache shard: its key, then each parse result (without its body) and each scan stamp,
 * field by field in record component order. Numbers are variable-length; a string that occurs again
 * in a shard (a section name, a diagnostic code, a status) is written once and then referred to by
 * number, and read back as one shared {@code String}.
 * <p>
 * Why not Java serialisation: reading 10,000 parse results with {@code ObjectInputStream} took
 * 0.55-0.6 s of each command-line rebuild (its per-object class descriptors, handles and reflection,
 * in a fresh JVM). Each file ends with a checksum ({@link CacheSeal}). The cache key holds the tool's
 * own content hash, so a shard is only read by the build of the tool that wrote it. A file of another
 * format or key reads as an {@link OtherCache} exception; a damaged or malformed one as
 * {@link Malformed}.
 */
final class CacheCodec {

    /** The first bytes of a shard ("SPC" and a format number; 4: typed link resolutions). */
    private static final int MAGIC = 0x53504334;
    /** The first bytes of the link memory's tables ("SPL3"). */
    private static final int MAGIC_LINKS = 0x53504c33;
    /** The first bytes of the generations file ("SPG3"). */
    private static final int MAGIC_GENERATIONS = 0x53504733;
    /** The first bytes of the render snapshot's file ("SPR3"). */
    private static final int MAGIC_RENDERED = 0x53505233;

    /*
     * A string is written as a tag, then (but for null and strings written before) its length and bytes:
     * 0 null; UTF8 its UTF-8 bytes; LATIN1 its Latin-1 bytes; LATIN1_CUT the Latin-1 bytes of all but its
     * last character, which is "…"; SEEN + k the k-th string this file wrote before.
     */
    private static final int UTF8 = 1;
    private static final int LATIN1 = 2;
    private static final int LATIN1_CUT = 3;
    private static final int SEEN = 4;
    private static final char ELLIPSIS = '\u2026';
    private static final String ELLIPSIS_TEXT = String.valueOf(ELLIPSIS);

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
            parsed(out, p);
        });
        out.num(shard.stamps().size());
        shard.stamps().forEach((path, s) -> {
            out.str(path);
            out.num(s.size());
            out.num(s.modified());
            out.str(s.hash());
            out.list(s.diagnostics(), CacheCodec::diagnostic);
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
                parsed.put(in.str(), parsed(in));
            }
            TreeMap<String, Scanner.Stamp> stamps = new TreeMap<>();
            for (int i = in.count(); i > 0; i--) {
                stamps.put(in.str(), new Scanner.Stamp(in.num(), in.num(), in.str(), in.list(CacheCodec::diagnostic), in.num()));
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
        o.list(m.redirectDiags(), CacheCodec::diagnostic);
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
                    List.copyOf(i.list(CacheCodec::diagnostic)), Map.of());
            return new LinkTables(key, generation, m);
        });
    }

    /** The last render's snapshot, under a key and generation. */
    record Rendered(String key, long generation, RenderMemory.Snapshot snapshot) {
    }

    static byte[] write(Rendered r) {
        Out o = new Out();
        o.fixed(MAGIC_RENDERED);
        o.str(r.key());
        o.num(r.generation());
        RenderMemory.Snapshot s = r.snapshot();
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
            return new Rendered(key, generation, new RenderMemory.Snapshot(snapshotKey, ids, digests, summaries, i.num(),
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
        o.list(e.extra(), CacheCodec::diagnostic);
        o.list(e.resolved(), CacheCodec::resolved);
        o.list(e.raw(), CacheCodec::resolved);
        o.list(e.refs(), (x, r) -> {
            x.str(r.targetId());
            x.str(r.anchor());
            x.str(r.context());
            x.num(r.line());
        });
        o.list(e.broken(), Out::str);
        o.list(e.diagnostics(), CacheCodec::diagnostic);
        o.list(e.consulted(), Out::str);
        o.list(e.copied(), Out::str);
        o.list(e.relations(), (x, r) -> {
            x.str(r.type());
            x.str(r.target());
            x.str(r.targetId());
            x.bool(r.declared());
        });
        o.list(e.relationDiags(), CacheCodec::diagnostic);
        o.list(e.aliases(), Out::str);
        o.list(e.formerPaths(), Out::str);
    }

    private static LinkMemory.Entry entry(In i) {
        return new LinkMemory.Entry(i.str(), i.list(CacheCodec::diagnostic), i.list(CacheCodec::resolved),
                i.list(CacheCodec::resolved),
                i.list(x -> new LinkMemory.Ref(x.str(), x.str(), x.str(), x.int32())), i.list(In::str),
                i.list(CacheCodec::diagnostic), i.list(In::str), i.list(In::str),
                i.list(x -> new ResolvedRelation(x.str(), x.str(), x.str(), x.bool())), i.list(CacheCodec::diagnostic),
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

    private static void parsed(Out o, ParsedSpec p) {
        spec(o, p.spec());
        o.list(p.diagnostics(), CacheCodec::diagnostic);
        o.list(List.copyOf(new java.util.TreeSet<>(p.anchors())), Out::str);
        o.bool(p.rawLinks());
    }

    private static ParsedSpec parsed(In i) {
        Spec spec = spec(i);
        List<Diagnostic> diagnostics = i.list(CacheCodec::diagnostic);
        Set<String> anchors = Set.copyOf(i.list(In::str));
        return ParsedSpec.stored(spec, diagnostics, anchors, i.bool());
    }

    private static void spec(Out o, Spec s) {
        o.str(s.source());
        o.str(s.id());
        o.bool(s.idDerived());
        o.str(s.title());
        o.str(s.status().slug());
        o.str(s.status().label());
        o.list(s.owners(), Out::str);
        o.str(s.created());
        o.str(s.updated());
        o.list(s.tags(), Out::str);
        o.list(s.aliases(), Out::str);
        o.list(s.metadata(), (x, m) -> {
            x.str(m.key());
            x.str(m.field());
            x.str(m.value());
            x.num(m.line());
        });
        o.list(s.sections(), (x, m) -> {
            x.str(m.title());
            x.str(m.number());
            x.str(m.anchor());
            x.num(m.level());
            x.num(m.line());
        });
        o.list(s.requirements(), (x, m) -> {
            x.str(m.id());
            x.str(m.text());
            x.str(m.section());
            x.num(m.line());
        });
        o.list(s.checklist(), (x, m) -> {
            x.str(m.text());
            x.bool(m.done());
            x.bool(m.acceptance());
            x.str(m.section());
            x.num(m.line());
        });
        o.list(s.questions(), (x, m) -> {
            x.str(m.text());
            x.str(m.anchor());
            x.num(m.line());
            x.bool(m.resolved());
            x.str(m.kind());
        });
        o.list(s.approvals(), (x, m) -> {
            x.str(m.role());
            x.str(m.name());
            x.str(m.state());
            x.num(m.line());
        });
        o.list(s.relations(), (x, m) -> {
            x.str(m.type());
            x.str(m.target());
            x.num(m.line());
        });
        o.list(s.links(), (x, m) -> {
            x.num(m.index());
            x.str(m.kind());
            x.str(m.target());
            x.str(m.context());
            x.num(m.line());
            x.num(m.column());
        });
        o.str(s.summary());
        o.num(s.words());
        o.str(s.hash());
        o.list(s.userStories(), (x, m) -> {
            x.str(m.role());
            x.str(m.want());
            x.str(m.soThat());
            x.str(m.section());
            x.num(m.line());
        });
        o.list(s.risks(), (x, m) -> {
            x.str(m.text());
            x.str(m.mitigation());
            x.num(m.line());
        });
        o.list(s.related(), (x, m) -> {
            x.str(m.title());
            x.str(m.target());
            x.num(m.line());
        });
    }

    private static Spec spec(In i) {
        // the arguments are evaluated left to right, in the order they were written
        return new Spec(i.str(), i.str(), i.bool(), i.str(), new Status(i.str(), i.str()), i.list(In::str),
                i.str(), i.str(), i.list(In::str), i.list(In::str),
                i.list(x -> new MetaEntry(x.str(), x.str(), x.str(), x.int32())),
                i.list(x -> new Section(x.str(), x.str(), x.str(), x.int32(), x.int32())),
                i.list(x -> new Requirement(x.str(), x.str(), x.str(), x.int32())),
                i.list(x -> new ChecklistItem(x.str(), x.bool(), x.bool(), x.str(), x.int32())),
                i.list(x -> new OpenQuestion(x.str(), x.str(), x.int32(), x.bool(), x.str())),
                i.list(x -> new Approval(x.str(), x.str(), x.str(), x.int32())),
                i.list(x -> new Relation(x.str(), x.str(), x.int32())),
                i.list(x -> new SpecLink(x.int32(), x.str(), x.str(), x.str(), x.int32(), x.int32())),
                i.str(), i.int32(), i.str(),
                i.list(x -> new UserStory(x.str(), x.str(), x.str(), x.str(), x.int32())),
                i.list(x -> new Risk(x.str(), x.str(), x.int32())),
                i.list(x -> new RelatedDocument(x.str(), x.str(), x.int32())));
    }

    private static void diagnostic(Out o, Diagnostic d) {
        o.str(d.file());
        o.num(d.line());
        o.num(d.column());
        o.num(d.severity().ordinal());
        o.str(d.code());
        o.str(d.message());
        o.str(d.hint());
    }

    private static Diagnostic diagnostic(In i) {
        return new Diagnostic(i.str(), i.int32(), i.int32(), SEVERITIES[i.int32()], i.str(), i.str(), i.str());
    }

    private static final Severity[] SEVERITIES = Severity.values();

    // ---------------------------------------------------------------- bytes

    /** Writes into a growing array. */
    private static final class Out {
        private byte[] buf = new byte[1 << 16];
        private int pos;
        private final Map<String, Integer> seen = new HashMap<>();

        private void room(int n) {
            if (pos + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        void fixed(int v) {
            room(4);
            buf[pos++] = (byte) (v >>> 24);
            buf[pos++] = (byte) (v >>> 16);
            buf[pos++] = (byte) (v >>> 8);
            buf[pos++] = (byte) v;
        }

        /** A number, seven bits a byte (zig-zag, so that small negative ones are short too). */
        void num(long v) {
            long z = (v << 1) ^ (v >> 63);
            room(10);
            while ((z & ~0x7FL) != 0) {
                buf[pos++] = (byte) (z & 0x7F | 0x80);
                z >>>= 7;
            }
            buf[pos++] = (byte) z;
        }

        void bool(boolean b) {
            room(1);
            buf[pos++] = (byte) (b ? 1 : 0);
        }

        /**
         * {@code 0}: null; {@code 1}: a new string, its UTF-8 length and bytes; {@code 2}: a new string of
         * characters up to U+00FF, its length and one byte each (read back by a plain copy of the bytes,
         * where UTF-8 is first scanned for non-ASCII bytes, then decoded); {@code k + 3}: the k-th
         * string written.
         */
        void str(String s) {
            if (s == null) {
                num(0);
                return;
            }
            Integer k = seen.get(s);
            if (k != null) {
                num(k + (long) SEEN);
                return;
            }
            seen.put(s, seen.size());
            int n = s.length();
            int wide = 0; // the first character outside Latin-1
            while (wide < n && s.charAt(wide) <= 0xFF) {
                wide++;
            }
            // a shortened text (a link's context) ends in "…" and is Latin-1 before it: kept apart, it is
            // read back without decoding UTF-8 (half of a 10,000-spec cache's text was such contexts)
            boolean cut = wide == n - 1 && s.charAt(wide) == ELLIPSIS;
            int tag = wide == n ? LATIN1 : cut ? LATIN1_CUT : UTF8;
            byte[] b = tag == UTF8 ? s.getBytes(StandardCharsets.UTF_8)
                    : (cut ? s.substring(0, n - 1) : s).getBytes(StandardCharsets.ISO_8859_1);
            num(tag);
            num(b.length);
            room(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }

        <T> void list(List<T> list, java.util.function.BiConsumer<Out, T> each) {
            num(list.size());
            for (T t : list) {
                each.accept(this, t);
            }
        }

        /** A map of strings, in key order (so that equal maps are equal bytes). */
        void strMap(Map<String, String> map) {
            list(new ArrayList<>(new TreeMap<>(map).entrySet()), (x, e) -> {
                x.str(e.getKey());
                x.str(e.getValue());
            });
        }

        /** The bytes written, and room for their checksum, sealed. */
        byte[] bytes() {
            return CacheSeal.seal(Arrays.copyOf(buf, pos + CacheSeal.SIZE));
        }
    }

    /** Reads an array written by {@link Out}, up to its checksum. */
    private static final class In {
        private final byte[] buf;
        private final int end;
        int pos;
        private final List<String> seen = new ArrayList<>();

        In(byte[] buf, int end) {
            this.buf = buf;
            this.end = end;
        }

        int fixed() {
            int v = (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8 | buf[pos + 3] & 0xFF;
            pos += 4;
            return v;
        }

        long num() {
            long z = 0;
            for (int shift = 0; ; shift += 7) {
                if (shift > 63) {
                    throw new Malformed("number too long");
                }
                byte b = buf[pos++];
                z |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    break;
                }
            }
            return (z >>> 1) ^ -(z & 1);
        }

        int int32() {
            long v = num();
            if (v != (int) v) {
                throw new Malformed("number out of range");
            }
            return (int) v;
        }

        /** A count of elements that follow, each taking at least one byte. */
        int count() {
            int n = int32();
            if (n < 0 || n > end - pos) {
                throw new Malformed("count out of range");
            }
            return n;
        }

        boolean bool() {
            return buf[pos++] != 0;
        }

        String str() {
            int tag = int32();
            if (tag == 0) {
                return null;
            }
            if (tag < 0) {
                throw new Malformed("negative string tag");
            }
            if (tag < SEEN) {
                int n = count();
                String s = new String(buf, pos, n, tag == UTF8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
                if (tag == LATIN1_CUT) {
                    s = s.concat(ELLIPSIS_TEXT);
                }
                pos += n;
                seen.add(s);
                return s;
            }
            if (tag - SEEN >= seen.size()) {
                throw new Malformed("string reference out of range");
            }
            return seen.get(tag - SEEN);
        }

        void end() {
            if (pos != end) {
                throw new Malformed("bytes after the end");
            }
        }

        Map<String, String> strMap() {
            return map(In::str, In::str);
        }

        <K, V> Map<K, V> map(Function<In, K> key, Function<In, V> value) {
            int n = count();
            Map<K, V> out = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                out.put(key.apply(this), value.apply(this));
            }
            return out;
        }

        /** A list, read-only. */
        <T> List<T> list(Function<In, T> each) {
            int n = count();
            if (n == 0) {
                return List.of();
            }
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(each.apply(this));
            }
            return java.util.Collections.unmodifiableList(out);
        }
    }
}
