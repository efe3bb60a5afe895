package dev.specsite.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Walks every {@code href} and {@code src} of a built site with jsoup and lists the internal ones
 * that lead to a missing file or anchor, leaving out those a diagnostic of the referring spec names
 * (a {@code broken-anchor} whose message quotes the fragment).
 */
final class SiteLinkWalker {

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    /** What the walk found. */
    record Walk(int pages, int internalLinks, int mentionLinks, List<String> missing, List<String> named) {
    }

    private SiteLinkWalker() {
    }

    static Walk walk(Path out, JsonNode api) throws IOException {
        // page path -> fragments its spec's diagnostics name as broken
        Map<String, Set<String>> named = new HashMap<>();
        for (JsonNode s : api.get("specs")) {
            Set<String> fragments = new HashSet<>();
            for (JsonNode d : s.get("diagnostics")) {
                if (d.get("code").asText().equals("broken-anchor")) {
                    Matcher m = QUOTED.matcher(d.get("message").asText());
                    while (m.find()) {
                        fragments.add(m.group(1));
                    }
                }
            }
            named.put(s.get("url").asText(), fragments);
        }
        Map<Path, Set<String>> ids = new HashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> excused = new ArrayList<>();
        int pages = 0;
        int links = 0;
        int mentions = 0;
        List<Path> html;
        try (Stream<Path> s = Files.walk(out)) {
            html = s.filter(x -> x.toString().endsWith(".html")).sorted().toList();
        }
        for (Path p : html) {
            pages++;
            Document d = Jsoup.parse(p.toFile(), "UTF-8");
            String page = out.relativize(p).toString().replace('\\', '/');
            mentions += d.select(".spec-body a.ref").size();
            for (Element a : d.select("a[href], img[src], link[href]")) {
                String href = a.hasAttr("href") ? a.attr("href") : a.attr("src");
                if (href.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || href.equals("#") || href.startsWith("//")) {
                    continue;
                }
                links++;
                String[] parts = href.split("#", 2);
                Path target = parts[0].isEmpty() ? p : p.getParent().resolve(parts[0]).normalize();
                if (Files.isDirectory(target)) {
                    target = target.resolve("index.html");
                }
                if (!target.startsWith(out) || !Files.isRegularFile(target)) {
                    missing.add(page + " -> " + href);
                    continue;
                }
                if (parts.length > 1 && !parts[1].isEmpty() && target.toString().endsWith(".html")) {
                    Set<String> targetIds = ids.computeIfAbsent(target, t -> idsOf(t));
                    if (!targetIds.contains(parts[1])) {
                        if (named.getOrDefault(page, Set.of()).contains(parts[1])) {
                            excused.add(page + " -> " + href);
                        } else {
                            missing.add(page + " -> " + href);
                        }
                    }
                }
            }
        }
        return new Walk(pages, links, mentions, missing, excused);
    }

    private static Set<String> idsOf(Path page) {
        try {
            Set<String> ids = new HashSet<>();
            Jsoup.parse(page.toFile(), "UTF-8").select("[id]").forEach(e -> ids.add(e.id()));
            return ids;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
