package dev.specsite.parse;

import static dev.specsite.parse.ParseFixture.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.specsite.model.Section;

/** Heading anchors follow GitHub's rules (checked by hand against github.com and github-slugger's observed cases). */
class GitHubSlugsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Background                                   | background
            1. Background                                | 1-background
            2.1 Scope and goals                          | 21-scope-and-goals
            What's new?                                  | whats-new
            Reader/Writer traits                         | readerwriter-traits
            `os_str` and `no_std`                        | os_str-and-no_std
            heading with a - dash                        | heading-with-a---dash
            heading with an _ underscore                 | heading-with-an-_-underscore
            exchange.bind_headers(exchange, routing [, cb]) | exchangebind_headersexchange-routing--cb
            en–dash and em—dash                          | endash-and-emdash
            apostrophe’s «quoted» “text”                 | apostrophes-quoted-text
            😄 unicode emoji                             | -unicode-emoji
            I ♥ unicode                                  | i--unicode
            🚀 Installation                              | -installation
            :smile: a gemoji code                        | smile-a-gemoji-code
            Привет non-latin 你好                        | привет-non-latin-你好
            Ärger über Größe                             | ärger-über-größe
            Crème brûlée                                 | crème-brûlée
            price $5 + 10% = €5.50                       | price-5--10--550
            C++ & Rust <3                                | c--rust-3
            "  two  spaces  "                            | --two--spaces--
            """)
    void slugsAsGitHubMakesThem(String heading, String slug) {
        assertEquals(slug, GitHubSlugs.slug(heading));
    }

    @Test
    void duplicatesGetTheFirstFreeNumber() {
        GitHubSlugs s = new GitHubSlugs();
        List<String> got = List.of("echo", "echo", "echo 1", "echo-1", "echo", "Echo").stream().map(s::unique).toList();
        assertEquals(List.of("echo", "echo-1", "echo-1-1", "echo-1-2", "echo-2", "echo-3"), got);
    }

    @Test
    void aPageNumbersItsHeadingsLikeGitHubTheTitleIncluded() {
        ParsedSpec p = parse("""
                # Login flow

                **Status**: Draft

                ## Login flow

                ## 1. Background

                ## Use `std::fs` *here* [with a link](other.md) <span>and HTML</span>

                ## Login flow

                ## ![logo](logo.png) Logo first
                """);
        assertEquals(List.of("login-flow-1", "1-background", "use-stdfs-here-with-a-link-and-html", "login-flow-2",
                "-logo-first"), p.spec().sections().stream().map(Section::anchor).toList());
        assertEquals(List.of("Login flow", "Background", "Use std::fs here with a link and HTML", "Login flow"),
                p.spec().sections().stream().map(Section::title).toList().subList(0, 4));
        assertEquals("1.", p.spec().sections().get(1).number(), "the number is still read apart for the outline");
    }

    @Test
    void theBodyHtmlCarriesTheSlugsAndTheirSelfLinks() {
        ParsedSpec p = parse("""
                # T

                ## Ünïcode_and_underscores!
                """);
        assertEquals(true, p.html().contains("<h2 id=\"ünïcode_and_underscores\">"), p.html());
        assertEquals(true, p.html().contains("href=\"#ünïcode_and_underscores\""), p.html());
        assertEquals(true, p.anchors().contains("ünïcode_and_underscores"));
    }
}
