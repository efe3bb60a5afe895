package dev.specsite.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.TestSites;

/**
 * An incremental build gives the very bytes a full build gives. A seeded series of edits of the
 * kinds people make (body text, titles, statuses, headings others link to, mentions, dates, new and
 * deleted specs, the people file, an owner's spelling) is applied to a copy of {@code content/}; after each edit the site is built three
 * ways and compared file by file: by one long-lived builder (as a preview server keeps it), by a new
 * builder reading the on-disk cache of the previous build (as the command line does), and from scratch.
 * The first two take one path: they parse, link and render again the same specs and pages, and an
 * edit reaches only what it can change.
 */
class IncrementalBuildTest {

    /** The edits, in an order where they interact: a mention of SPEC-001, then SPEC-001 retitled, … */
    private static final int[] KINDS = {4, 1, 5, 0, 8, 3, 7, 2, 6, 1, 4, 3, 9, 10, 4, 9, 10, 11, 0, 12, 0};

    @TempDir
    Path tmp;

    @Test
    void everyIncrementalBuildEqualsAFullBuild() throws IOException {
        Path src = tmp.resolve("src");
        TestSites.copyTree(TestSites.projectRoot().resolve("content"), src);
        Path live = tmp.resolve("live");
        Path cli = tmp.resolve("cli");
        SiteBuilder server = new SiteBuilder(TestSites.config(src, live), BuildListener.SILENT, false);
        server.build(true);
        new SiteBuilder(TestSites.config(src, cli), BuildListener.SILENT).build(true);

        Random random = new Random(20261121);
        List<String> done = new ArrayList<>();
        for (int step = 0; step < KINDS.length; step++) {
            done.add(edit(src, random, step));
            Path full = tmp.resolve("full-" + step);
            BuildResult fresh = new SiteBuilder(TestSites.config(src, full), BuildListener.SILENT, false).build(true);
            BuildResult r = server.build(true);
            assertEquals(fresh.index(), r.index(), "preview-server index after " + done);
            BuildResult c = new SiteBuilder(TestSites.config(src, cli), BuildListener.SILENT).build(true);
            Map<String, byte[]> expected = SiteFiles.of(full);
            SiteFiles.assertSame(expected, SiteFiles.of(live), "preview-server build after " + done);
            SiteFiles.assertSame(expected, SiteFiles.of(cli), "command-line build after " + done);
            assertTrue(r.unchanged() > 0, "an incremental build keeps the files that did not change");
            sameWork(r.work(), c.work(), "after " + done);
            assertTrue(fresh.work().tablesMade() && fresh.work().othersRendered(), "a first build makes everything");
            assertEquals(fresh.index().specs().size(), fresh.work().rendered().size(), "every page, the first time");
            if (KINDS[step] == 0) { // a paragraph appended: that spec is linked again and its page rendered, nothing else
                String path = done.get(done.size() - 1).substring("paragraph appended to ".length());
                String id = r.index().specs().stream().filter(x -> x.spec().source().equals(path)).findFirst()
                        .orElseThrow().id();
                assertEquals(List.of(path), r.work().changes().changed(), "the change the scan found");
                assertEquals(List.of(path), r.work().parsed(), "parsed again");
                assertFalse(r.work().tablesMade(), "the lookup tables hold");
                assertEquals(List.of(path), r.work().linked(), "linked again");
                assertEquals(List.of(id), r.work().rendered(), "its page alone rendered again");
                assertFalse(r.work().othersRendered(), "the dashboards read no body");
                assertTrue(r.work().indexCarried(), "nor does the index");
                assertEquals(List.of(), c.work().bodies(), "the one page rendered is of the spec just parsed");
            }
            if (KINDS[step] == 11) { // the people file: every page that shows an owner, which is every page
                assertEquals(r.index().specs().size(), r.work().rendered().size(), "every spec page rendered again");
                assertTrue(r.work().othersRendered() && c.work().othersRendered(), "and every dashboard");
            }
            assertEquals(List.of(), r.work().bodies(), "a long-lived builder holds every body");
            java.util.Set<String> toParseAgain = new java.util.TreeSet<>(c.index().specs().stream()
                    .filter(x -> c.work().rendered().contains(x.id())).map(x -> x.spec().source()).toList());
            toParseAgain.removeAll(c.work().parsed());
            assertTrue(toParseAgain.containsAll(c.work().bodies()), "the command line parses again only bodies of "
                    + "unchanged specs whose pages it renders: " + c.work().bodies() + " of " + toParseAgain);
        }
    }

    /** The long-lived builder and the command line, from the same snapshot, made the same things again. */
    private static void sameWork(BuildResult.Work live, BuildResult.Work cli, String when) {
        assertEquals(live.changes(), cli.changes(), "changes found " + when);
        assertEquals(live.parsed(), cli.parsed(), "parsed " + when);
        assertEquals(live.tablesMade(), cli.tablesMade(), "lookup tables made " + when);
        assertEquals(live.linked(), cli.linked(), "linked again " + when);
        assertEquals(live.rendered(), cli.rendered(), "pages rendered " + when);
        assertEquals(live.othersRendered(), cli.othersRendered(), "other pages rendered " + when);
    }

    /**
     * A long-lived builder makes its next index from the last one when the edits changed nothing the
     * index reads (a body, a title), and afresh when they did (a status): either way it is the index a
     * new builder makes.
     */
    @Test
    void theIndexIsCarriedOverWhenNoEditChangedWhatItReads() throws IOException {
        Path src = tmp.resolve("carried");
        TestSites.copyTree(TestSites.projectRoot().resolve("content"), src);
        SiteBuilder server = new SiteBuilder(TestSites.config(src, tmp.resolve("carried-live")), BuildListener.SILENT, false);
        BuildResult first = server.build(true);
        assertFalse(first.work().indexCarried(), "a first index is made");
        Path f = src.resolve("core/repository-scanning.md"); // SPEC-001, which many specs link to
        String text = Files.readString(f);
        dev.specsite.link.LinkedSpec spec1 = first.index().specs().stream().filter(x -> x.id().equals("SPEC-001"))
                .findFirst().orElseThrow();
        List<String> referring = first.index().specs().stream().filter(x -> spec1.linksFrom().contains(x.id()))
                .map(x -> x.spec().source()).toList();
        assertTrue(referring.size() >= 3, "specs link to SPEC-001: " + referring);

        Files.writeString(f, text.replaceFirst("(?m)^# (.*)$", "# $1, retitled") + "\nA paragraph added at the end.\n");
        BuildResult body = server.build(true);
        assertTrue(body.work().indexCarried(), "the last index, carried over");
        assertTrue(body.index().specs().stream().anyMatch(x -> x.id().equals("SPEC-001") && x.spec().title().endsWith(", retitled")),
                "with the edited spec put in place");
        assertFalse(body.work().tablesMade(), "a new title keeps the lookup tables");
        assertTrue(body.work().linked().contains("core/repository-scanning.md"), "the retitled spec is linked again");
        assertTrue(body.work().linked().containsAll(referring), "and so are the specs whose links show its title: "
                + body.work().linked());
        assertTrue(body.work().linked().size() < body.index().specs().size(), "but not every spec");
        assertTrue(body.work().rendered().contains("SPEC-001") && body.work().rendered().containsAll(spec1.linksFrom()),
                "its page and its neighbours' pages rendered again: " + body.work().rendered());
        assertEquals(new SiteBuilder(TestSites.config(src, tmp.resolve("carried-a")), BuildListener.SILENT, false)
                .build(false).index(), body.index());

        Files.writeString(f, Files.readString(f).replaceFirst("(?i)(status\\**\\s*[:|]\\s*\\**\\s*)\\w+( \\w+)?", "$1Draft"));
        BuildResult status = server.build(true);
        assertFalse(status.work().indexCarried(), "a new status: the index made afresh");
        assertTrue(status.work().othersRendered(), "and the dashboards rendered again");
        assertEquals(new SiteBuilder(TestSites.config(src, tmp.resolve("carried-b")), BuildListener.SILENT, false)
                .build(false).index(), status.index());
        assertTrue(status.index().statusGroups().stream().anyMatch(g -> g.slug().equals("draft")
                && g.specs().stream().anyMatch(s -> s.id().equals("SPEC-001"))), "SPEC-001 is a draft now");
    }

    /**
     * The people file is read by every build, also by a long-lived builder: a change of it (written,
     * edited, removed) renders every page that shows an owner again, and a build after it with
     * nothing changed renders nothing.
     */
    @Test
    void aChangedPeopleFileReachesEveryPageThatShowsAnOwner() throws IOException {
        Path src = tmp.resolve("people");
        TestSites.copyTree(TestSites.projectRoot().resolve("content"), src);
        Path people = src.resolve("people.yaml");
        Files.delete(people);
        Path live = tmp.resolve("people-live");
        Path cli = tmp.resolve("people-cli");
        SiteBuilder server = new SiteBuilder(TestSites.config(src, live), BuildListener.SILENT, false);
        assertEquals(7, server.build(true).index().owners().size(), "without the file, 7 owners");
        new SiteBuilder(TestSites.config(src, cli), BuildListener.SILENT).build(true);

        for (String text : List.of("- handle: sam\n  name: Sam Okafor\n",
                "- handle: sam\n  name: Samuel Okafor\n  url: https://example.org/sam\n", "")) {
            if (text.isEmpty()) {
                Files.delete(people);
            } else {
                Files.writeString(people, text);
            }
            BuildResult r = server.build(true);
            BuildResult c = new SiteBuilder(TestSites.config(src, cli), BuildListener.SILENT).build(true);
            Path full = tmp.resolve("people-full");
            new SiteBuilder(TestSites.config(src, full), BuildListener.SILENT, false).build(true);
            String what = text.isEmpty() ? "the people file removed" : "people file " + text;
            SiteFiles.assertSame(SiteFiles.of(full), SiteFiles.of(live), "preview-server build after " + what);
            SiteFiles.assertSame(SiteFiles.of(full), SiteFiles.of(cli), "command-line build after " + what);
            assertEquals(r.index().specs().size(), r.work().rendered().size(), "every spec page, after " + what);
            assertEquals(r.work().rendered(), c.work().rendered(), "both builders, after " + what);
            assertTrue(r.work().othersRendered() && c.work().othersRendered(), "every dashboard, after " + what);
            deleteTree(full);

            BuildResult again = server.build(true);
            assertEquals(List.of(), again.work().rendered(), "nothing changed since: nothing rendered");
            assertFalse(again.work().othersRendered());
        }
        assertEquals(7, server.build(true).index().owners().size(), "the file removed: the automatic rules alone");
        String page = Files.readString(live.resolve("specs/ADR-002.html"));
        assertTrue(page.contains("href=\"../owners/sam.html\">sam</a>") && !page.contains("Samuel"), page);
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    /**
     * Words before spec numbers ({@code RFC 2}) are learnt from the whole repository: one edit that
     * adds a third distinct number after a word makes the word's mentions links in every other spec.
     */
    @Test
    void aLearntNumberWordReachesEverySpec() throws IOException {
        Path src = tmp.resolve("numbers");
        Files.createDirectories(src);
        for (int n = 1; n <= 4; n++) {
            Files.writeString(src.resolve("000" + n + "-spec-" + n + ".md"), "# Spec " + n + "\n\n- **Status**: Draft\n\n"
                    + (n == 1 ? "Builds on RFC 2 and RFC 3.\n" : "Text of spec " + n + ".\n"));
        }
        Path live = tmp.resolve("numbers-live");
        SiteBuilder server = new SiteBuilder(TestSites.config(src, live), BuildListener.SILENT, false);
        server.build(true);
        Path cli = tmp.resolve("numbers-cli");
        new SiteBuilder(TestSites.config(src, cli), BuildListener.SILENT).build(true);
        String page = Files.readString(live.resolve("specs/0001-spec-1.html"));
        assertTrue(page.contains("RFC 2") && !page.contains("class=\"ref\""), "two numbers do not make RFC a number word yet");

        Path last = src.resolve("0004-spec-4.md");
        Files.writeString(last, Files.readString(last) + "\nReplaces RFC 4.\n");
        server.build(true);
        Path full = tmp.resolve("numbers-full");
        new SiteBuilder(TestSites.config(src, full), BuildListener.SILENT, false).build(true);
        SiteFiles.assertSame(SiteFiles.of(full), SiteFiles.of(live), "preview-server build after a third numbered mention");
        new SiteBuilder(TestSites.config(src, cli), BuildListener.SILENT).build(true); // with the last one's link memory
        SiteFiles.assertSame(SiteFiles.of(full), SiteFiles.of(cli), "command-line build after a third numbered mention");
        assertTrue(Files.readString(live.resolve("specs/0001-spec-1.html")).contains("class=\"ref\""), "RFC 2 and RFC 3 are links now");
    }

    /** Applies one random edit; says what it did. */
    private static String edit(Path src, Random random, int step) throws IOException {
        List<Path> specs;
        try (Stream<Path> s = Files.walk(src)) {
            specs = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        Path f = specs.get(random.nextInt(specs.size()));
        String name = src.relativize(f).toString();
        String text = Files.readString(f);
        switch (KINDS[step]) {
            case 0 -> {
                Files.writeString(f, text + "\nAn added paragraph, step " + step + ".\n");
                return "paragraph appended to " + name;
            }
            case 1 -> {
                Path linked = src.resolve("core/repository-scanning.md"); // SPEC-001, which many specs link to
                Path g = Files.exists(linked) ? linked : f;
                // first keeping its id (the specs linking to it show the new title), later losing it
                String kept = step < 5 ? "$1" : "";
                Files.writeString(g, Files.readString(g).replaceFirst("(?m)^# ([A-Z]+-\\d+: )?.*$", "# " + kept + "Retitled in step " + step));
                return "title of " + src.relativize(g);
            }
            case 2 -> {
                String t = text.replaceFirst("(?i)(status\\**\\s*[:|]\\s*\\**\\s*)(draft|in review|approved|implemented|accepted|proposed)",
                        "$1" + (text.contains("Approved") ? "Draft" : "Approved"));
                Files.writeString(f, t);
                return "status of " + name;
            }
            case 3 -> {
                Files.writeString(f, text.replaceFirst("(?m)^## .*$", "## Section renamed in step " + step));
                return "first section heading of " + name;
            }
            case 4 -> {
                Files.writeString(f, text + "\nThis now depends on SPEC-001, SPEC-00" + (2 + random.nextInt(6))
                        + " and on [the cross links](../core/cross-links.md#design).\n");
                return "mentions added to " + name;
            }
            case 5 -> {
                Files.writeString(f, text.replaceFirst("\n\n", "\n\nA line inserted near the top.\n\n"));
                return "lines shifted in " + name;
            }
            case 6 -> {
                Files.writeString(f, text.replaceFirst("20\\d\\d-\\d\\d-\\d\\d", "2031-0" + (1 + random.nextInt(9)) + "-15"));
                return "first date of " + name;
            }
            case 7 -> {
                Path n = src.resolve("core/new-" + step + ".md");
                Files.writeString(n, "# New spec " + step + "\n\n- **Status**: Draft\n- **ID**: NEW-" + step
                        + "\n\n## Overview\n\nRefers to SPEC-001 and [" + name + "](../" + name + ").\n");
                return "new spec core/new-" + step + ".md";
            }
            case 9 -> {
                String target = f.getParent().relativize(src.resolve("core/cross-links.md")).toString().replace('\\', '/');
                Files.writeString(f, text + "\nSee also [the cross links](" + target + ").\n");
                return "link added to " + name;
            }
            case 11 -> {
                Path people = src.resolve("people.yaml");
                Files.writeString(people, Files.readString(people).replace("name: Sam Okafor", "name: Samuel Okafor")
                        + "\n- handle: mara\n  name: Mara Lindqvist\n  aliases: [Li Wei]\n");
                return "people file: a name changed, a person and a conflicting alias added";
            }
            case 12 -> {
                Path spec = src.resolve("core/metadata-parsing.md");
                Files.writeString(spec, Files.readString(spec).replace("@li.wei", "@Li_Wei"));
                return "owner respelled in core/metadata-parsing.md";
            }
            case 10 -> {
                Files.writeString(f, text.replaceAll("\\]\\(", "] (").replace("SPEC-0", "SPEK-0"));
                return "links and mentions removed from " + name;
            }
            default -> {
                Files.delete(f);
                return "deleted " + name;
            }
        }
    }
}
