package dev.specsite.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import dev.specsite.diag.Diagnostic;

/**
 * The people file as one build read it: {@code specsite.people} (relative to the configuration's
 * folder, inside the repository unless the configuration is trusted), else {@code people.yaml} in
 * the source folder. A YAML list of people:
 *
 * <pre>
 * - handle: sam
 *   name: Sam Okafor
 *   aliases: [sokafor, Samuel Okafor]
 *   url: https://example.org/~sam
 * </pre>
 *
 * The file is read as a tree of YAML nodes and never constructed into objects (no tags, no types),
 * within {@link #MAX_BYTES} (and {@code specsite.max-file-bytes}), without following a symbolic link.
 * Its problems are diagnostics ({@link PeopleYaml}); the build goes on with what could be read.
 *
 * @param name        the file as diagnostics name it (relative to the source folder, else to the configuration's)
 * @param digest      what the build's key holds of it: a hash of its bytes, or of why it was not read
 * @param people      the people it gives
 * @param diagnostics its problems
 */
public record PeopleFile(String name, String digest, People people, List<Diagnostic> diagnostics) {

    /** The largest people file read. */
    public static final long MAX_BYTES = 1_000_000;
    /** The file looked for in the source folder when {@code specsite.people} is not set. */
    public static final String DEFAULT_NAME = "people.yaml";

    public PeopleFile {
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * Reads the people file of a configuration; a file whose bytes are those {@code last} was read
     * from is not parsed again.
     *
     * @param last the last reading, or {@code null}
     */
    public static PeopleFile read(SiteConfig config, PeopleFile last) {
        String configured = config.values().getOrDefault(SiteConfig.PEOPLE_KEY, "").trim();
        Path file = config.peopleFile();
        String name = name(file, config);
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return configured.isEmpty() ? none(name) : problem(name, "missing", Diagnostic.warning(name, 0, 0,
                    "people-missing", SiteConfig.PEOPLE_KEY + " names '" + configured + "', which does not exist;"
                            + " owners are joined by the automatic rules only", "create the file or correct the path"));
        } catch (IOException e) {
            return unreadable(name, e);
        }
        if (attrs.isSymbolicLink()) {
            return problem(name, "link", Diagnostic.warning(name, 0, 0, "symlink-skipped",
                    "the people file is a symbolic link; it is not read", "specsite follows no symbolic links"));
        }
        if (!attrs.isRegularFile()) {
            return problem(name, "not-a-file", Diagnostic.warning(name, 0, 0, "people-missing",
                    "the people file is not a file; it is not read", null));
        }
        long limit = Math.min(MAX_BYTES, config.maxFileBytes());
        if (attrs.size() > limit) {
            return tooLarge(name, attrs.size(), limit);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return unreadable(name, e);
        }
        if (bytes.length > limit) { // grew since it was measured
            return tooLarge(name, bytes.length, limit);
        }
        String digest = digest(bytes);
        if (last != null && last.name.equals(name) && last.digest.equals(digest)) {
            return last;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return problem(name, digest, Diagnostic.error(name, 1, 1, "people-syntax",
                    "the people file is not UTF-8 text; it is not read", "save it as UTF-8"));
        }
        List<Diagnostic> diags = new ArrayList<>();
        List<Person> persons = PeopleYaml.read(name, text.startsWith("\uFEFF") ? text.substring(1) : text, diags);
        return new PeopleFile(name, digest, People.of(persons), diags.stream().sorted(Diagnostic.ORDER).toList());
    }

    private static PeopleFile none(String name) {
        return new PeopleFile(name, "none", People.NONE, List.of());
    }

    private static PeopleFile problem(String name, String why, Diagnostic d) {
        return new PeopleFile(name, why, People.NONE, List.of(d));
    }

    private static PeopleFile tooLarge(String name, long size, long limit) {
        return problem(name, "large-" + size, Diagnostic.error(name, 0, 0, "file-too-large", "the people file is " + size
                + " bytes, over the limit of " + limit + "; it is not read", "keep it under " + limit + " bytes"));
    }

    private static PeopleFile unreadable(String name, IOException e) {
        return problem(name, "unreadable", Diagnostic.error(name, 0, 0, "unreadable",
                "cannot read the people file: " + e.getClass().getSimpleName(), null));
    }

    /** The file relative to the source folder when inside it, else to the configuration's folder, else as it is. */
    private static String name(Path file, SiteConfig config) {
        Path base = file.startsWith(config.sourceDir()) ? config.sourceDir()
                : file.startsWith(config.projectDir()) ? config.projectDir() : null;
        return (base == null ? file : base.relativize(file)).toString().replace('\\', '/');
    }

    private static String digest(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
