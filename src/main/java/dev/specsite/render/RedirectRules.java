package dev.specsite.render;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.specsite.link.Redirect;
import dev.specsite.link.Urls;

/**
 * The redirects as server rules, for hosts that answer with a real 301 instead of a redirect page:
 * {@code _redirects} (Netlify and Cloudflare Pages syntax: {@code /from /to 301}) and
 * {@code redirects.nginx.conf}, an nginx {@code map} to include in the {@code http} block and use as
 * {@code if ($specsite_redirect) { return 301 $specsite_redirect; }}. Paths are absolute from the
 * host, below the path of {@code site.host} when it has one, and written by {@link Urls#rulePath}:
 * unreserved characters, '/' and percent escapes only, so that no path can add a field, a flag, a
 * comment or a directive. The nginx map matches the path as the browser sent it (percent-encoded,
 * without the query), the form these rules are written in; nginx's {@code $uri} is decoded.
 */
public final class RedirectRules {
    /** The Netlify/Cloudflare rules file. */
    public static final String NETLIFY = "_redirects";
    /** The nginx map file. */
    public static final String NGINX = "redirects.nginx.conf";

    private RedirectRules() {
    }

    /** Both rule files, or none when there are no redirects. */
    public static List<Output> render(RenderContext ctx, List<Redirect> redirects) {
        if (redirects.isEmpty()) {
            return List.of();
        }
        String base = basePath(ctx.config().siteHost());
        StringBuilder netlify = new StringBuilder("# Redirects written by specsite: former and short paths of specs.\n");
        StringBuilder nginx = new StringBuilder("""
                # Redirects written by specsite: former and short paths of specs.
                # In the http block: include redirects.nginx.conf;
                # In the server block: if ($specsite_redirect) { return 301 $specsite_redirect; }
                # Paths as the browser sends them (percent-encoded), without the query.
                map $request_uri $specsite_request_path {
                    "~^(?<specsite_path>[^?]*)" $specsite_path;
                }
                map $specsite_request_path $specsite_redirect {
                    default "";
                """);
        for (Redirect r : redirects) {
            String to = Urls.rulePath(base + Urls.specPage(r.toId()));
            List<String> froms = new ArrayList<>();
            String served = Urls.rulePath(base + Urls.served(r.from()));
            froms.add(served);
            if (served.endsWith("/")) {
                froms.add(served.substring(0, served.length() - 1));
                froms.add(served + "index.html");
            }
            for (String from : froms) {
                netlify.append(from).append(' ').append(to).append(" 301\n");
                nginx.append("    \"").append(from).append("\" \"").append(to).append("\";\n");
            }
        }
        nginx.append("}\n");
        return List.of(new Output(NETLIFY, netlify.toString().getBytes(StandardCharsets.UTF_8)),
                new Output(NGINX, nginx.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code /} or {@code /docs/specs/}: the path of the site on its host. */
    static String basePath(String siteHost) {
        if (siteHost == null || siteHost.isEmpty()) {
            return "/";
        }
        try {
            String p = URI.create(siteHost).getPath();
            if (p == null || p.isEmpty() || p.equals("/")) {
                return "/";
            }
            return (p.startsWith("/") ? p : "/" + p).replaceAll("/+$", "") + "/";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
