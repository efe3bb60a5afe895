package dev.specsite.link;

/**
 * A site path that no longer holds a page of its own and sends readers to a spec's page: a former
 * id or path ({@code aliases} in metadata, a rename found in git history) or the short path of an id.
 *
 * @param from   the site path of the redirect page ({@code specs/OLD-1.html}, {@code SPEC-042/index.html})
 * @param toId   the spec it leads to
 * @param reason {@code alias}, {@code rename} or {@code short}
 */
public record Redirect(String from, String toId, String reason) {
}
