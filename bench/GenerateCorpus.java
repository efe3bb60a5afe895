import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Generates a deterministic spec repository for benchmarks: the three template shapes plus YAML
 * front matter, 3-15 KB each, with relative links and id mentions between specs.
 *
 * <pre>java bench/GenerateCorpus.java COUNT OUTPUT_DIR [SEED]</pre>
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

    private final Random r;
    private final int count;

    private GenerateCorpus(int count, long seed) {
        this.count = count;
        this.r = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java GenerateCorpus.java COUNT OUTPUT_DIR [SEED]");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        new GenerateCorpus(count, seed).write(out);
    }

    /** Shape of spec i: 0 SPEC-xxx, 1 feature spec, 2 technical spec, 3 front matter ADR. */
    private static int shape(int i) {
        return i % 4;
    }

    private static String id(int i) {
        return switch (shape(i)) {
            case 0 -> String.format("SPEC-%05d", i);
            case 2 -> "FEAT-" + i;
            case 3 -> String.format("ADR-%05d", i);
            default -> null;
        };
    }

    private static String path(int i) {
        String area = String.format("area-%02d", i % 50);
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
        String fromDir = from.substring(0, from.indexOf('/'));
        String toDir = to.substring(0, to.indexOf('/'));
        String name = to.substring(to.indexOf('/') + 1);
        return fromDir.equals(toDir) ? "./" + name : "../" + toDir + "/" + name;
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

    private String spec(int i) {
        int size = 3000 + r.nextInt(12000);
        String status = STATUSES[r.nextInt(STATUSES.length)];
        String owner = OWNERS[r.nextInt(OWNERS.length)];
        String created = date();
        StringBuilder sb = new StringBuilder();
        switch (shape(i)) {
            case 0 -> {
                sb.append("# ").append(id(i)).append(": ").append(title()).append("\n\n");
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
                sb.append("**Feature ID**: ").append(id(i)).append("  \n");
                sb.append("**Author**: ").append(owner.substring(1)).append("  \n");
                sb.append("**Created Date**: ").append(created).append("  \n");
                sb.append("**Last Updated**: ").append(date()).append("  \n");
                sb.append("**Status**: ").append(status).append("\n\n");
            }
            default -> {
                sb.append("---\nid: ").append(id(i)).append("\ntitle: ").append(title()).append("\nstatus: ")
                        .append(status.toLowerCase().replace(' ', '-')).append("\nowners: [")
                        .append(owner.substring(1)).append("]\ncreated: ").append(created).append("\ntags: [")
                        .append(WORDS[r.nextInt(40)]).append("]\n---\n\n# ").append(title()).append("\n\n");
            }
        }
        sb.append(body(i, size - sb.length() - 600));
        sb.append(questions());
        if (shape(i) == 2) {
            sb.append("## Approval\n\n**Engineering Lead**: Ana Ruiz - Approved  \n**Security Lead**: Bo Chen - ")
                    .append(r.nextBoolean() ? "Approved" : "Pending").append("\n");
        }
        return sb.toString();
    }

}
