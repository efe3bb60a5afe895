package dev.specsite.fuzz;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

import dev.specsite.TestSites;
import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.link.LinkedSite;
import dev.specsite.link.LinkedSpec;
import dev.specsite.link.Linker;
import dev.specsite.model.Sidecar;
import dev.specsite.model.SourceFile;
import dev.specsite.parse.FrontMatter;
import dev.specsite.parse.ParsedSpec;
import dev.specsite.parse.SpecParser;
import dev.specsite.parse.Values;

/**
 * What the fuzz tests run on each input, and what {@link FuzzRegressionTest} runs on the inputs they
 * found, without Jazzer: bytes in (read as UTF-8, as the scanner reads a file), the safe outcome
 * asserted. An input breaks an invariant by throwing: an exception of the code under test, or an
 * {@link AssertionError} saying which invariant.
 */
public final class FuzzTargets {

    /** An input that takes longer is a hang (inputs are a few KB; a build parses 10,000 specs in seconds). */
    private static final long SLOW_NANOS = 10_000_000_000L;
    /** Separates the specs of one input of {@link #link}. */
    static final String NEXT_SPEC = "\u0000";

    private static final SiteConfig CONFIG = TestSites.config(Path.of("content"), Path.of("target/fuzz-site"));
    private static final SpecParser PARSER = new SpecParser(CONFIG);

    private FuzzTargets() {
    }

    /** The metadata readers: front matter, header bullets ({@code * Key: value}), a sidecar kep.yaml, values. */
    public static void metadata(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        timed(() -> {
            for (String doc : List.of(text, "---\n" + text + "\n---\n# T\n")) {
                FrontMatter fm = FrontMatter.parse("f.md", doc);
                diagnostics(fm.diagnostics());
                check(lines(fm.body()) == lines(doc), "the front matter is replaced by as many lines");
            }
            diagnostics(FrontMatter.sidecar("a/kep.yaml", text).diagnostics());
            for (String line : text.split("\n", -1)) {
                Values.DateValue d = Values.date(line);
                check(d.iso() == null || d.iso().matches("\\d{4}-\\d{2}-\\d{2}"), "a date is ISO: " + d.iso());
                Values.plain(line);
                Values.isPlaceholder(line);
                Values.isEmptyWord(line);
            }
            spec(PARSER.parse(new SourceFile("a/b.md", "# SPEC-1: Title\n\n" + text + "\n\n## Overview\n\nText.\n", "h")));
            spec(PARSER.parse(new SourceFile("a/README.md", "# Title\n\nText.\n", "h", List.of(new Sidecar("a/kep.yaml", text)))));
        });
    }

    /** The section rules: a whole spec of fuzzed Markdown. */
    public static void parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        timed(() -> spec(PARSER.parse(new SourceFile("specs/a.md", text, "h"))));
    }

    /** The link stage (placeholders filled through it): two or three fuzzed specs that may link to each other. */
    public static void link(byte[] data) {
        String[] parts = new String(data, StandardCharsets.UTF_8).split(NEXT_SPEC, 3);
        String[] paths = {"specs/a.md", "specs/b/c.md", "other/d.md"};
        timed(() -> {
            List<ParsedSpec> parsed = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                ParsedSpec p = PARSER.parse(new SourceFile(paths[i], parts[i], "h" + i));
                spec(p);
                parsed.add(p);
            }
            LinkedSite site = new Linker(CONFIG).link(parsed, List.of("specs/img.png", "other/notes.txt"), List.of(),
                    Map.of());
            diagnostics(site.allDiagnostics());
            for (LinkedSpec s : site.specs()) {
                html(dev.specsite.render.BodyHtml.of(s), s.spec().source());
            }
        });
    }

    private static void spec(ParsedSpec p) {
        diagnostics(p.diagnostics());
        html(p.html(), p.spec().source());
    }

    /** Every diagnostic says where: a file, a line and column of at least 1 (or 0 and 0: the whole file). */
    private static void diagnostics(List<Diagnostic> ds) {
        for (Diagnostic d : ds) {
            check(d.line() >= 1 && d.column() >= 1 || d.line() == 0 && d.column() == 0, "a place: " + d);
            check(!d.file().isEmpty() && !d.code().isEmpty() && !d.message().isEmpty(), "a file, code and message: " + d);
        }
    }

    /** A spec's HTML runs no script: no script element, no event handler attribute, no javascript: URL. */
    static void html(String html, String source) {
        check(!html.toLowerCase(Locale.ROOT).contains("<script"), "no <script in " + source + ": " + html);
        for (Element e : Jsoup.parseBodyFragment(html).getAllElements()) {
            check(!e.normalName().equals("script"), "no script element in " + source + ": " + html);
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                check(!key.startsWith("on"), "no event handler " + key + " in " + source + ": " + html);
                String value = a.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
                check(!value.startsWith("javascript:") && !value.startsWith("vbscript:"),
                        "no script URL in " + key + " in " + source + ": " + html);
            }
        }
    }

    private static int lines(String s) {
        return (int) s.chars().filter(c -> c == '\n').count();
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    private static void timed(Runnable r) {
        long t = System.nanoTime();
        r.run();
        long took = System.nanoTime() - t;
        check(took < SLOW_NANOS, "a hang: " + took / 1_000_000 + " ms");
    }
}
