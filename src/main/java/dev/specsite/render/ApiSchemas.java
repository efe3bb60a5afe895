package dev.specsite.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON Schemas (draft 2020-12) of the JSON API, published beside the documents in {@code api/}.
 * Their one copy is the tool's resources, {@code src/main/resources/dev/specsite/api/}, written into
 * every site as it is; each document names its schema in {@code $schema}, relative to itself.
 */
public final class ApiSchemas {
    /** The schema of {@code api/specs.json}, in the site. */
    public static final String SPECS = "api/specs.schema.json";
    /** The schema of {@code api/open-questions.json}, in the site. */
    public static final String QUESTIONS = "api/open-questions.schema.json";
    /** Where the schemas live among the tool's resources. */
    static final String RESOURCES = "/dev/specsite/";

    private static final List<Output> SCHEMAS = List.of(load(SPECS), load(QUESTIONS));

    private ApiSchemas() {
    }

    /** The schema files, as the site holds them (copies: an output's bytes are an array). */
    public static List<Output> render() {
        return SCHEMAS.stream().map(o -> new Output(o.path(), o.bytes().clone())).toList();
    }

    /** A schema's reference from a document beside it in {@code api/}: its file name. */
    static String reference(String schemaPath) {
        return schemaPath.substring(schemaPath.lastIndexOf('/') + 1);
    }

    /** A schema's bytes from the resources, read once. */
    public static byte[] bytes(String schemaPath) {
        for (Output o : SCHEMAS) {
            if (o.path().equals(schemaPath)) {
                return o.bytes().clone();
            }
        }
        throw new IllegalArgumentException("no schema " + schemaPath);
    }

    private static Output load(String path) {
        try (InputStream in = ApiSchemas.class.getResourceAsStream(RESOURCES + path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + path);
            }
            return new Output(path, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
