package dev.specsite.parse;

import java.util.List;
import java.util.regex.Pattern;

import com.vladsch.flexmark.util.ast.Document;

import dev.specsite.config.MentionRules;
import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.model.SourceFile;
import dev.specsite.model.Spec;
import dev.specsite.model.Status;

/**
 * Stage 2, parse: one Markdown file in, its data and body HTML out. Each file is parsed once with
 * flexmark; the same tree gives the metadata, sections, requirements, checklists, open questions,
 * approvals, links and the HTML. Thread-safe: one instance serves all threads.
 */
public final class SpecParser {

    private final SiteConfig config;
    private final Markdown markdown = new Markdown();
    private final RawHtml raw = new RawHtml();
    /** A text that starts with a requirement id ({@code FR-1: …}). */
    private final Pattern requirementStart;

    private final MentionRules mentionRules;
    /** The time one file may take to parse ({@code specsite.parse.budget-ms}). */
    private final long budgetMillis;

    public SpecParser(SiteConfig config) {
        this.config = config;
        this.budgetMillis = Long.parseLong(config.values().getOrDefault("specsite.parse.budget-ms", "10000").strip());
        this.mentionRules = MentionRules.of(config);
        this.requirementStart = Pattern.compile("^(" + config.requirementIds().pattern() + ")\\b\\s*[:.)\\-–—]?\\s*(.*)$",
                Pattern.DOTALL);
    }

    /** Parses one file. Never throws for bad input: problems become diagnostics. */
    public ParsedSpec parse(SourceFile file) {
        try {
            return run(file).run();
        } catch (ParseBudget.Exceeded e) {
            return unformatted(file, Diagnostic.error(file.path(), 1, 1, "parse-budget",
                    "this file took longer than " + budgetMillis + " ms to read; the page shows its text unformatted",
                    "simplify its Markdown, or raise specsite.parse.budget-ms"));
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            // a bug met on some input: the file still gets a page, and the problem is reported
            String where = e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : "";
            return unformatted(file, Diagnostic.error(file.path(), 1, 1, "parse-failed",
                    "specsite could not read this file (" + e + where + ")",
                    "please report this with the file; the page shows the text unformatted"));
        }
    }

    /**
     * The id a spec's file name starts with ({@code SPEC-4273} of {@code SPEC-4273-delegated-password-reset.md}),
     * read by the id mention patterns, or {@code null}.
     */
    String fileNameId(String path) {
        return fileNameId(mentionRules, path);
    }

    /**
     * The name a spec's path gives it: the file name without its extension; for a folder whose only
     * spec file is its metadata sidecar ({@code 1234-foo/kep.yaml}), the folder's name.
     */
    static String nameOf(String path) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        if (name.matches("(?i).+\\.ya?ml") && slash > 0) {
            return path.substring(path.lastIndexOf('/', slash - 1) + 1, slash);
        }
        return name.replaceFirst("(?i)\\.(md|markdown)$", "");
    }

    static String fileNameId(MentionRules mentionRules, String path) {
        String name = nameOf(path);
        String id = mentionRules.idAtStartOf(name);
        // a configured pattern may read more than a page name can hold: the file keeps its own name then
        return id != null && TitleReader.USABLE_ID.matcher(id).matches() ? id : null;
    }

    /** The page of a file that could not be parsed: its text, preformatted, and why. */
    private ParsedSpec unformatted(SourceFile file, Diagnostic why) {
        String named = fileNameId(file.path());
        String title = titleFromFileName(file.path(), named);
        Spec spec = new Spec(file.path(), named != null ? named : derivedId(file.path()), named == null, title, Status.NONE, List.of(), null, null,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), "", NodeText.words(file.text()), file.hash(), List.of(), List.of(), List.of(), List.of(), "");
        String html = "<pre>" + org.jsoup.nodes.Entities.escape(file.text()) + "</pre>";
        return new ParsedSpec(spec, html, List.of(why));
    }

    /** The document of a file as parsed and prepared for rendering (the HTML renderer's tests). */
    Document prepared(SourceFile file) {
        ParseContext cx = new ParseContext(config, file, new ParseBudget(budgetMillis), requirementStart);
        new ParseRun(cx, markdown, raw, mentionRules).prepare();
        return cx.doc;
    }

    private ParseRun run(SourceFile file) {
        ParseContext cx = new ParseContext(config, file, new ParseBudget(budgetMillis), requirementStart);
        return new ParseRun(cx, markdown, raw, mentionRules);
    }

    /** The flexmark setup this parser renders with (the HTML renderer's tests). */
    Markdown markdown() {
        return markdown;
    }

    /** The title a file name gives: no extension, no leading number or date, dashes and underscores as spaces. */
    public static String titleFromFileName(String path) {
        return titleFromFileName(path, null);
    }

    /** The title a file name gives, without the id it starts with ({@code idAtStart}, or {@code null}). */
    static String titleFromFileName(String path, String idAtStart) {
        String name = nameOf(path);
        if (idAtStart != null && name.length() > idAtStart.length() + 1) {
            name = name.substring(idAtStart.length() + 1);
        }
        String t = name.replaceFirst("^\\d{4}-\\d{2}-\\d{2}[-_ ]+", "").replaceFirst("^\\d+[-_. ]+(?=.)", "");
        t = t.replace('-', ' ').replace('_', ' ').replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? name : t;
    }

    /** The id of a spec that declares none: its file name without extension. */
    public static String derivedId(String path) {
        String name = nameOf(path);
        String id = name.replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^-+|-+$", "");
        return id.isEmpty() ? "spec" : id;
    }
}
