package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.specsite.integration.HostilePathSites.Built;
import dev.specsite.link.Urls;

/**
 * Aliases that try to add a field, a flag, a comment or a directive to {@code _redirects} or
 * {@code redirects.nginx.conf}: each file is read back with a parser of its format, and nginx
 * itself checks the map when it is installed.
 */
class RedirectRulesHostileTest {

    /** A rule path: '/', unreserved characters and percent escapes, nothing else. */
    private static final Pattern RULE_PATH = Pattern.compile("/(?:[A-Za-z0-9._~/-]|%[0-9A-F]{2})*");
    private static final Pattern NGINX_ENTRY = Pattern.compile("    \"(" + RULE_PATH + ")\" \"(" + RULE_PATH + ")\";");
    /** The site's path on its host: non-ASCII, which browsers and the rules percent-encode alike. */
    private static final String BASE = "/d%C3%B6cs/";
    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    @TempDir
    Path dir;
    Built b;

    @BeforeEach
    void build() throws IOException {
        b = HostilePathSites.build(dir, "injection-aliases", "site.host=https://specs.example.org/d%C3%B6cs\n");
    }

    /** The rules of {@code _redirects}, from to target, read as Netlify and Cloudflare read them. */
    private Map<String, String> netlifyRules() throws IOException {
        Map<String, String> rules = new LinkedHashMap<>();
        for (String line : b.file("_redirects").split("\n", -1)) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            assertEquals(3, fields.length, "from, to, status: " + line);
            assertEquals("301", fields[2], line);
            assertTrue(RULE_PATH.matcher(fields[0]).matches(), line);
            assertTrue(RULE_PATH.matcher(fields[1]).matches(), line);
            assertEquals(null, rules.put(fields[0], fields[1]), "one rule per path: " + line);
        }
        return rules;
    }

    /** The entries of the nginx map, checked line by line against the file's only shape. */
    private Map<String, String> nginxEntries() throws IOException {
        String conf = b.file("redirects.nginx.conf");
        List<String> lines = List.of(conf.split("\n", -1));
        assertEquals("", lines.get(lines.size() - 1), "ends with a newline");
        List<String> expectedHead = List.of(
                "# Redirects written by specsite: former and short paths of specs.",
                "# In the http block: include redirects.nginx.conf;",
                "# In the server block: if ($specsite_redirect) { return 301 $specsite_redirect; }",
                "# Paths as the browser sends them (percent-encoded), without the query.",
                "map $request_uri $specsite_request_path {",
                "    \"~^(?<specsite_path>[^?]*)\" $specsite_path;",
                "}",
                "map $specsite_request_path $specsite_redirect {",
                "    default \"\";");
        assertEquals(expectedHead, lines.subList(0, expectedHead.size()));
        assertEquals("}", lines.get(lines.size() - 2));
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : lines.subList(expectedHead.size(), lines.size() - 2)) {
            Matcher m = NGINX_ENTRY.matcher(line);
            assertTrue(m.matches(), "a map entry of two quoted rule paths: " + line);
            assertEquals(null, entries.put(m.group(1), m.group(2)), line);
        }
        return entries;
    }

    @Test
    void netlifyRulesAreThreeFieldsLeadingToASpecPage() throws IOException {
        Map<String, String> rules = netlifyRules();
        assertTrue(rules.size() >= 10, rules.toString());
        for (Map.Entry<String, String> r : rules.entrySet()) {
            assertTrue(r.getValue().startsWith(BASE + "specs/"), r.toString());
            String page = r.getValue().substring(BASE.length());
            assertTrue(Files.isRegularFile(b.out().resolve(page)), r.toString());
            assertTrue(!HostilePathSites.isRedirectPage(b, page), "a spec's own page: " + r);
        }
        // the aliases that carried fields of their own are reported and written nowhere
        assertEquals(5, b.diagnostics("alias-invalid").size(), b.result().diagnostics().toString());
        assertTrue(rules.containsKey(BASE + "alt/%C3%9Cberblick.html"), rules.toString());
        assertTrue(rules.containsKey(BASE + "specs/R-old.html"), rules.toString());
    }

    @Test
    void nginxMapLinesAreTwoQuotedRulePaths() throws IOException {
        Map<String, String> entries = nginxEntries();
        assertEquals(netlifyRules(), entries, "both files hold the same rules");
    }

    @Test
    void aHostileSiteHostPathIsEscapedToo() throws IOException {
        b = HostilePathSites.build(dir.resolve("host"), "injection-aliases",
                "site.host=https://specs.example.org/x%22%20y%3B%0Areturn%20302%20/%7B\n");
        Map<String, String> rules = netlifyRules();
        assertEquals(rules, nginxEntries());
        String base = "/x%22%20y%3B%0Areturn%20302%20/%7B/";
        assertTrue(rules.size() >= 10 && rules.keySet().stream().allMatch(k -> k.startsWith(base)), rules.toString());
        assertTrue(rules.values().stream().allMatch(v -> v.startsWith(base + "specs/")), rules.toString());
    }

    @Test
    void nginxAcceptsTheMap() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(NGINX), "nginx is not installed at " + NGINX
                + ": the map's syntax is checked by nginxMapLinesAreTwoQuotedRulePaths only (install nginx-light)");
        Path prefix = dir.resolve("nginx");
        Files.createDirectories(prefix.resolve("logs"));
        String tmp = prefix.resolve("logs").toString();
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, "pid " + tmp + "/nginx.pid;\nerror_log " + tmp + "/error.log;\n"
                + "events {}\nhttp {\n    access_log off;\n"
                + "    client_body_temp_path " + tmp + "; proxy_temp_path " + tmp + "; fastcgi_temp_path " + tmp + ";\n"
                + "    uwsgi_temp_path " + tmp + "; scgi_temp_path " + tmp + ";\n"
                + "    include " + b.out().resolve("redirects.nginx.conf") + ";\n"
                + "    server {\n        listen 127.0.0.1:8089;\n        root " + b.out() + ";\n"
                + "        if ($specsite_redirect) { return 301 $specsite_redirect; }\n    }\n}\n");
        Process p = new ProcessBuilder(NGINX.toString(), "-t", "-q", "-p", prefix.toString(), "-c", conf.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "nginx -t finished");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
    }

    /**
     * Each redirect page is requested at its path as a browser writes it (percent-encoded UTF-8): the
     * rules of both files name that same path and lead where the page's refresh leads.
     */
    @Test
    void redirectPagesAndRulesAgreeOnThePathsBrowsersRequest() throws IOException, URISyntaxException {
        Map<String, String> netlify = netlifyRules();
        Map<String, String> nginx = nginxEntries();
        List<String> pages = new ArrayList<>();
        for (String path : b.files()) {
            if (!HostilePathSites.isRedirectPage(b, path)) {
                continue;
            }
            pages.add(path);
            String requested = URI.create(new URI("https", "specs.example.org", "/döcs/" + Urls.served(path), null)
                    .toASCIIString()).getRawPath();
            String refresh = b.page(path).selectFirst("meta[http-equiv=refresh]").attr("content");
            String target = URI.create("https://specs.example.org" + requested)
                    .resolve(refresh.substring(refresh.indexOf("url=") + 4)).getRawPath();
            assertEquals(target, netlify.get(requested), path + " requested as " + requested);
            assertEquals(target, nginx.get(requested), path + " requested as " + requested);
        }
        assertTrue(pages.contains("alt/Überblick.html"), pages.toString());
        assertTrue(pages.contains("specs/R-old.html"), pages.toString());
        // and every rule leads from a redirect page (its folder's index.html for the short forms)
        for (String from : netlify.keySet()) {
            String path = java.net.URLDecoder.decode(from.substring(BASE.length()), StandardCharsets.UTF_8);
            String file = path.isEmpty() || path.endsWith("/") ? path + "index.html"
                    : Files.isDirectory(b.out().resolve(path)) ? path + "/index.html" : path;
            assertTrue(pages.contains(file), from + " has no redirect page " + file);
        }
    }
}
