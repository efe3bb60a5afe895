import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generates a deterministic spec repository for benchmarks: the three template shapes plus YAML
 * front matter, 3-15 KB each, with relative links and id mentions between specs.
 *
 * <p>VARIANTS (comma-separated; none gives the plain corpus, byte for byte as before variants
 * existed) add what real repositories have and the plain corpus lacks:
 * <ul>
 * <li>{@code file-ids}: ids in file names ({@code SPEC-04273-delegated-password-reset.md}), and in the text of
 *     only one spec in eight (which makes their prefix one the site uses);
 * <li>{@code unknown-ids}: many mentions of ids no spec has (with the site's prefixes) and of ticket keys
 *     ({@code PROJ-1234}, {@code JIRA-77}, {@code CVE-2024-1234});
 * <li>{@code popular}: five specs referenced by a third of the others (huge backlink lists);
 * <li>{@code owners}: each owner under several spellings ({@code @li.wei}, {@code Li Wei}, {@code LI WEI});
 * <li>{@code deep}: folder trees five levels deep;
 * <li>{@code big}: one spec in 500 of 200-500 KB;
 * <li>{@code dup-meta}: metadata both in front matter and in the text;
 * <li>{@code realistic}: all of the above.
 * </ul>
 *
 * <pre>java bench/GenerateCorpus.java COUNT OUTPUT_DIR [SEED] [VARIANTS]</pre>
 */
public final class GenerateCorpus {

    private static final String[] WORDS = ("the system shall build render parse link index page spec status owner "
            + "review draft approved implemented question requirement acceptance criteria cache incremental "
            + "latency throughput user request response token session database schema migration rollout "
            + "feature flag metric dashboard alert budget error retry timeout queue worker shard replica "
            + "consistency availability durability partition leader follower snapshot compaction storage "
            + "network client server gateway proxy service endpoint payload version compatible deprecated "
            + "security audit permission role policy tenant quota limit billing invoice report export import "
            + "search ranking relevance query filter sort pagination cursor offset window batch stream event "
            + "and or but with without for from into onto over under between across during after before "
            + "must should may will can could would not only also then when where which while because").split(" ");
    private static final String[] STATUSES = {"Draft", "In Review", "Approved", "Implemented", "Deferred",
            "Rejected", "Withdrawn", "Superseded"};
    private static final String[] OWNERS = {"@mara", "@tobias", "@li.wei", "@priya", "@sam", "@ana", "@bo",
            "@chen", "@dana", "@eli", "@fatima", "@gus", "@hana", "@ivan", "@jo", "@kai"};

    static final List<String> VARIANTS = List.of("file-ids", "unknown-ids", "popular", "owners", "deep", "big", "dup-meta");
    private static final String[][] SPELLINGS = {{"@li.wei", "Li Wei", "li.wei", "LI WEI"},
            {"@mara", "Mara", "mara", "Mara K."}, {"@sam", "Sam Okafor", "sam", "S. Okafor"},
            {"@priya", "Priya", "priya", "Priya N"}};
    private static final String[] TICKETS = {"PROJ-", "JIRA-", "OPS-", "CVE-2024-"};

    private final Random r;
    /** Draws of the variants, apart from the plain corpus's so that it stays as it was. */
    private final Random v;
    private final int count;
    private final Set<String> variants;

    private GenerateCorpus(int count, long seed, Set<String> variants) {
        this.count = count;
        this.r = new Random(seed);
        this.v = new Random(seed * 31 + 7);
        this.variants = variants;
    }

    private boolean on(String variant) {
        return variants.contains(variant);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java GenerateCorpus.java COUNT OUTPUT_DIR [SEED]");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        Set<String> variants = new TreeSet<>();
        if (args.length > 3 && !args[3].isBlank() && !args[3].equals("plain")) {
            for (String a : args[3].split(",")) {
                if (a.equals("realistic")) {
                    variants.addAll(VARIANTS);
                } else if (VARIANTS.contains(a)) {
                    variants.add(a);
                } else {
                    System.err.println("unknown variant " + a + "; variants: plain, realistic, " + VARIANTS);
                    System.exit(2);
                }
            }
        }
        new GenerateCorpus(count, seed, variants).write(out);
    }

    /** Shape of spec i: 0 SPEC-xxx, 1 feature spec, 2 technical spec, 3 front matter ADR. */
    private static int shape(int i) {
        return i % 4;
    }

    private String id(int i) {
        return switch (shape(i)) {
            case 0 -> String.format("SPEC-%05d", i);
            case 2 -> "FEAT-" + i;
            case 3 -> String.format("ADR-%05d", i);
            default -> on("file-ids") ? String.format("FS-%05d", i) : null;
        };
    }

    private String path(int i) {
        String area = String.format("area-%02d", i % 50);
        if (on("deep")) {
            area += String.format("/part-%d/group-%d/team-%d/topic-%d", i % 3, i % 5, i % 7, i % 11);
        }
        if (on("file-ids")) {
            int n = WORDS.length;
            return area + "/" + id(i) + "-" + WORDS[(i * 7) % n] + "-" + WORDS[(i * 13 + 5) % n] + ".md";
        }
        return area + "/" + String.format("%05d", i) + "-" + (shape(i) == 1 ? "feature" : "spec") + "-" + i + ".md";
    }

    private void write(Path out) throws IOException {
        for (int i = 0; i < count; i++) {
            Path p = out.resolve(path(i));
            Files.createDirectories(p.getParent());
            Files.writeString(p, spec(i), StandardCharsets.UTF_8);
        }
    }

    private String words(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private String sentence() {
        String s = words(8 + r.nextInt(14));
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }

    private String paragraph(int from) {
        StringBuilder sb = new StringBuilder();
        int n = 3 + r.nextInt(5);
        for (int k = 0; k < n; k++) {
            sb.append(sentence()).append(' ');
            if (r.nextInt(6) == 0) {
                sb.append(reference(from)).append(' ');
            }
        }
        if (on("unknown-ids")) {
            if (v.nextBoolean()) { // an id of the site's shape that no spec has, nor a file number
                sb.append(" Superseded notes in ").append(String.format("SPEC-%05d", count + v.nextInt(count)))
                        .append(" apply.");
            }
            if (v.nextBoolean()) {
                String t = TICKETS[v.nextInt(TICKETS.length)];
                sb.append(" Tracked in ").append(t).append(1 + v.nextInt(t.startsWith("CVE") ? 9999 : 99999)).append('.');
            }
        }
        return sb.toString().strip() + "\n\n";
    }

    /** A mention of another spec's id or a relative link to its file. */
    private String reference(int from) {
        int j = r.nextInt(count);
        String id = id(j);
        String rel = relative(path(from), path(j));
        if (id != null && r.nextBoolean()) {
            return "See " + id + (shape(j) == 0 && r.nextInt(3) == 0 ? "#FR-" + (1 + r.nextInt(3)) : "") + ".";
        }
        return "Compare [the related spec](" + rel + ").";
    }

    private static String relative(String from, String to) {
        List<String> f = Arrays.asList(from.split("/"));
        List<String> t = Arrays.asList(to.split("/"));
        int common = 0;
        while (common < f.size() - 1 && common < t.size() - 1 && f.get(common).equals(t.get(common))) {
            common++;
        }
        StringBuilder sb = new StringBuilder(common == f.size() - 1 ? "./" : "");
        for (int k = common; k < f.size() - 1; k++) {
            sb.append("../");
        }
        return sb.append(String.join("/", t.subList(common, t.size()))).toString();
    }

    private String date() {
        return String.format("2026-%02d-%02d", 1 + r.nextInt(11), 1 + r.nextInt(28));
    }

    private String title() {
        String t = words(2 + r.nextInt(4));
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    private String body(int i, int targetBytes) {
        StringBuilder sb = new StringBuilder();
        int section = 1;
        while (sb.length() < targetBytes) {
            sb.append("## ").append(section++).append(". ").append(title()).append("\n\n");
            sb.append(paragraph(i));
            if (r.nextInt(3) == 0) {
                for (int k = 0; k < 3; k++) {
                    sb.append("- ").append(sentence()).append('\n');
                }
                sb.append('\n');
            }
            if (r.nextInt(8) == 0) {
                sb.append("```yaml\n# example\nkey: value\nlist: [a, b]\n```\n\n");
            }
        }
        return sb.toString();
    }

    private String requirements() {
        StringBuilder sb = new StringBuilder("## Requirements\n\n");
        int n = 2 + r.nextInt(5);
        for (int k = 1; k <= n; k++) {
            sb.append(k).append(". **FR-").append(k).append("**: The system shall ").append(words(10)).append(".\n");
        }
        sb.append("\n1. **NFR-1**: ").append(sentence()).append("\n\n");
        return sb.toString();
    }

    private String acceptance() {
        StringBuilder sb = new StringBuilder("### Acceptance Criteria\n\n");
        int n = 2 + r.nextInt(6);
        for (int k = 0; k < n; k++) {
            sb.append(r.nextBoolean() ? "- [x] " : "- [ ] ").append(sentence()).append('\n');
        }
        return sb.append('\n').toString();
    }

    private String questions() {
        StringBuilder sb = new StringBuilder("## Open Questions\n\n");
        int n = r.nextInt(5);
        for (int k = 0; k < n; k++) {
            sb.append(r.nextInt(4) == 0 ? "- [x] " : "- [ ] ").append(words(9)).append("?\n");
        }
        if (n == 0) {
            sb.append("None.\n");
        }
        return sb.append('\n').toString();
    }

    /** The owner as this spec spells it. */
    private String owner(String owner) {
        if (on("owners")) {
            String[] spellings = SPELLINGS[v.nextInt(SPELLINGS.length)];
            return spellings[v.nextInt(spellings.length)];
        }
        return owner;
    }

    /** Mentions of and a link to the popular specs (0, 4, 8, 12, 16), from a third of the specs. */
    private String popular(int i) {
        if (!on("popular") || i % 3 != 1) {
            return "";
        }
        int a = 4 * v.nextInt(5);
        int b = 4 * v.nextInt(5);
        return "## Builds on\n\nThis builds on " + id(a) + ", " + id(b) + " and [the platform spec]("
                + relative(path(i), path(0)) + ").\n\n";
    }

    private String spec(int i) {
        int size = 3000 + r.nextInt(12000);
        if (on("big") && i % 500 == 250) {
            size = 200_000 + v.nextInt(300_000);
        }
        String status = STATUSES[r.nextInt(STATUSES.length)];
        String owner = owner(OWNERS[r.nextInt(OWNERS.length)]);
        String created = date();
        boolean fileIds = on("file-ids") && i % 8 != 0;
        StringBuilder sb = new StringBuilder();
        if (on("dup-meta") && shape(i) != 3) {
            sb.append("---\nstatus: ").append(STATUSES[v.nextInt(STATUSES.length)].toLowerCase().replace(' ', '-'))
                    .append("\nowners: [").append(owner.replace("@", "")).append("]\n---\n\n");
        }
        switch (shape(i)) {
            case 0 -> {
                sb.append("# ").append(fileIds ? "Spec" : id(i)).append(": ").append(title()).append("\n\n");
                sb.append("**Status**: ").append(status).append('\n');
                sb.append("**Created**: ").append(created).append('\n');
                sb.append("**Updated**: ").append(date()).append('\n');
                sb.append("**Author**: ").append(owner).append("\n\n");
                sb.append("## Overview\n\n").append(paragraph(i)).append(requirements()).append(acceptance());
            }
            case 1 -> {
                sb.append("# Spec: ").append(title()).append("\n\n");
                sb.append("- **Status**: ").append(status).append('\n');
                sb.append("- **Date**: ").append(created).append('\n');
                sb.append("- **Owner**: ").append(owner).append('\n');
                sb.append("- **Related Task**: `tasks/T-").append(i).append(".md`\n\n---\n\n");
            }
            case 2 -> {
                sb.append("# Technical Specification: ").append(title()).append("\n\n## Overview\n\n");
                if (!fileIds) {
                    sb.append("**Feature ID**: ").append(id(i)).append("  \n");
                }
                sb.append("**Author**: ").append(owner.replace("@", "")).append("  \n");
                sb.append("**Created Date**: ").append(created).append("  \n");
                sb.append("**Last Updated**: ").append(date()).append("  \n");
                sb.append("**Status**: ").append(status).append("\n\n");
            }
            default -> {
                sb.append(fileIds ? "---" : "---\nid: " + id(i)).append("\ntitle: ").append(title()).append("\nstatus: ")
                        .append(status.toLowerCase().replace(' ', '-')).append("\nowners: [")
                        .append(owner.replace("@", "")).append("]\ncreated: ").append(created).append("\ntags: [")
                        .append(WORDS[r.nextInt(40)]).append("]\n---\n\n# ").append(title()).append("\n\n");
                if (on("dup-meta")) {
                    sb.append("**Status**: ").append(STATUSES[v.nextInt(STATUSES.length)]).append("\n\n");
                }
            }
        }
        sb.append(popular(i));
        sb.append(body(i, size - sb.length() - 600));
        sb.append(questions());
        if (shape(i) == 2) {
            sb.append("## Approval\n\n**Engineering Lead**: Ana Ruiz - Approved  \n**Security Lead**: Bo Chen - ")
                    .append(r.nextBoolean() ? "Approved" : "Pending").append("\n");
        }
        return sb.toString();
    }

}
