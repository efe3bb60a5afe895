package dev.specsite.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.specsite.diag.Diagnostic;

/**
 * Renames of spec files found in git history, so that former paths and pages keep working. One
 * {@code git log} pass over the source folder ({@code -M --diff-filter=R --relative}, paths
 * relative to the source root). No git, or no repository: no renames and an info diagnostic. A
 * shallow clone: the renames its history holds and a warning that older ones are missing.
 */
final class GitHistory {

    /**
     * What history says.
     *
     * @param renames     former path to the path the file has at the head, Markdown files only
     * @param diagnostics an info or warning about missing history, or nothing
     */
    record Result(Map<String, String> renames, List<Diagnostic> diagnostics) {
        Result {
            renames = Map.copyOf(renames);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private static final long TIMEOUT_SECONDS = 120;

    private GitHistory() {
    }

    /** Reads the renames below {@code sourceDir}. Never throws: a failing git is reported as info. */
    static Result renames(Path sourceDir) {
        List<Diagnostic> diags = new ArrayList<>();
        String shallow;
        try {
            shallow = run(sourceDir, "rev-parse", "--is-shallow-repository");
        } catch (IOException e) {
            shallow = null;
        }
        if (shallow == null) {
            diags.add(Diagnostic.info(".", 0, 0, "no-git-history",
                    "the source folder is not in a git repository (or git is not installed); renames are not followed",
                    "build from a git checkout to get redirects for renamed specs"));
            return new Result(Map.of(), diags);
        }
        if (shallow.strip().equals("true")) {
            diags.add(Diagnostic.warning(".", 0, 0, "shallow-git-history",
                    "the source is a shallow git clone; renames older than its history get no redirect",
                    "fetch the full history (git fetch --unshallow, or fetch-depth: 0 in CI)"));
        }
        String log;
        try {
            log = run(sourceDir, "-c", "core.quotePath=false", "log", "-M", "--diff-filter=R", "--name-status",
                    "--relative", "--format=", "-z", "--", ".");
        } catch (IOException e) {
            log = null;
        }
        if (log == null) {
            diags.add(Diagnostic.info(".", 0, 0, "no-git-history", "git log failed; renames are not followed", null));
            return new Result(Map.of(), diags);
        }
        return new Result(parse(log), diags);
    }

    /** Parses {@code git log --name-status -z} output, newest commit first, into former path to head path. */
    static Map<String, String> parse(String log) {
        Map<String, String> renames = new LinkedHashMap<>();
        String[] tokens = log.split("\0");
        for (int i = 0; i + 2 < tokens.length; ) {
            String status = tokens[i].strip();
            if (!status.startsWith("R")) {
                i++;
                continue;
            }
            String from = tokens[i + 1];
            String to = tokens[i + 2];
            i += 3;
            if (!isMarkdown(to) || !isMarkdown(from)) {
                continue;
            }
            String head = renames.getOrDefault(to, to);
            renames.putIfAbsent(from, head);
        }
        renames.entrySet().removeIf(e -> e.getKey().equals(e.getValue()));
        return renames;
    }

    private static boolean isMarkdown(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        return p.endsWith(".md") || p.endsWith(".markdown");
    }

    /** Runs git in a folder; its output, or {@code null} when it exits with an error. */
    private static String run(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process p = pb.start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return null;
        }
        return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
    }
}
