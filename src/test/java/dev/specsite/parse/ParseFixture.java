package dev.specsite.parse;

import java.nio.file.Path;

import dev.specsite.TestSites;
import dev.specsite.config.SiteConfig;
import dev.specsite.model.SourceFile;

/** Parses Markdown text with the default configuration. */
final class ParseFixture {
    static final SiteConfig CONFIG = TestSites.config(Path.of("content"), Path.of("target/test-site"));
    static final SpecParser PARSER = new SpecParser(CONFIG);

    private ParseFixture() {
    }

    static ParsedSpec parse(String path, String text) {
        return PARSER.parse(new SourceFile(path, text, "hash"));
    }

    static ParsedSpec parse(String text) {
        return parse("specs/example.md", text);
    }
}
