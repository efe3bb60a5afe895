package dev.specsite.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import dev.specsite.TestSites;
import dev.specsite.render.ApiSchemas;
import dev.specsite.site.BuildListener;
import dev.specsite.site.SiteBuilder;

/**
 * The JSON API against its published JSON Schemas (draft 2020-12, format assertions on), with the
 * networknt validator: the documents of {@code content/} and of every shared corpus are valid, the
 * schemas are valid schemas that document every field, the site's copies are the resources' bytes,
 * and a document with a wrong type or an unknown field fails (so that the check is not vacuous).
 */
class ApiSchemaTest {

    static final String[] CORPORA = {"golang-proposal", "rust-rfcs", "template-specs"};
    static final ObjectMapper JSON = new ObjectMapper();

    static SchemaRegistry registry;
    static Schema specs;
    static Schema questions;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void schemas() {
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        specs = registry.getSchema(text(ApiSchemas.SPECS), InputFormat.JSON);
        questions = registry.getSchema(text(ApiSchemas.QUESTIONS), InputFormat.JSON);
    }

    static String text(String schemaPath) {
        return new String(ApiSchemas.bytes(schemaPath), StandardCharsets.UTF_8);
    }

    static List<String> corpora() {
        return List.of(CORPORA);
    }

    /** Builds a source folder and checks both documents of its site against their schemas. */
    static Path buildAndValidate(Path source, String name) throws IOException {
        Path out = tmp.resolve(name);
        new SiteBuilder(TestSites.config(source, out), BuildListener.SILENT).build(true);
        for (String[] doc : new String[][] {{"api/specs.json", ApiSchemas.SPECS}, {"api/open-questions.json", ApiSchemas.QUESTIONS}}) {
            String json = Files.readString(out.resolve(doc[0]));
            List<Error> errors = (doc[1].equals(ApiSchemas.SPECS) ? specs : questions).validate(json, InputFormat.JSON);
            assertEquals(List.of(), errors.stream().limit(20).map(Error::toString).toList(), name + ": " + doc[0]);
            // the schema the document names is the one beside it, and that is the resource's copy
            String named = JSON.readTree(json).get("$schema").asText();
            assertArrayEquals(ApiSchemas.bytes(doc[1]), Files.readAllBytes(out.resolve(doc[0]).resolveSibling(named)), named);
        }
        return out;
    }

    @Test
    void theSampleContentIsValid() throws IOException {
        Path out = buildAndValidate(TestSites.projectRoot().resolve("content"), "content");
        JsonNode api = JSON.readTree(out.resolve("api/specs.json").toFile());
        assertTrue(api.get("count").asInt() > 10);
        // nullable fields do occur as null in content/, so the schema's null branches are exercised
        assertTrue(api.get("specs").findValues("status").stream().anyMatch(JsonNode::isNull));
        assertTrue(api.get("specs").findValues("created").stream().anyMatch(JsonNode::isNull));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void everySharedCorpusIsValid(String name) throws IOException {
        Path corpora = TestSites.corpora();
        assumeTrue(corpora != null && Files.isDirectory(corpora.resolve(name)),
                "shared corpora not found beside the project (../shared/corpora/" + name + "): test skipped");
        Path out = buildAndValidate(corpora.resolve(name), name);
        assertTrue(JSON.readTree(out.resolve("api/specs.json").toFile()).get("count").asInt() > 0, name);
    }

    @Test
    void aWrongTypeOrAnUnknownFieldFails() throws IOException {
        Path out = buildAndValidate(TestSites.projectRoot().resolve("content"), "negative");
        ObjectNode doc = (ObjectNode) JSON.readTree(out.resolve("api/specs.json").toFile());
        assertTrue(specs.validate(doc.toString(), InputFormat.JSON).isEmpty());

        List<String> broken = new ArrayList<>();
        ObjectNode spec = (ObjectNode) doc.get("specs").get(0);
        broken.add(with(doc, d -> d.put("count", "twenty")));
        broken.add(with(doc, d -> ((ObjectNode) d.get("specs").get(0)).put("status", 7)));
        broken.add(with(doc, d -> ((ObjectNode) d.get("specs").get(0)).put("created", "2026-13-45")));
        broken.add(with(doc, d -> ((ObjectNode) d.get("specs").get(0)).putNull("title")));
        broken.add(with(doc, d -> ((ObjectNode) d.get("specs").get(0)).put("nickname", "x")));
        broken.add(with(doc, d -> ((ObjectNode) d.get("specs").get(0)).remove("owners")));
        broken.add(with(doc, d -> d.put("schemaVersion", 2)));
        for (String b : broken) {
            assertFalse(specs.validate(b, InputFormat.JSON).isEmpty(), "must fail: " + b.substring(0, 200));
        }
        assertTrue(spec.get("id").isTextual());

        ObjectNode q = (ObjectNode) JSON.readTree(out.resolve("api/open-questions.json").toFile());
        assertTrue(questions.validate(q.toString(), InputFormat.JSON).isEmpty());
        assertFalse(questions.validate(with(q, d -> ((ObjectNode) d.get("questions").get(0)).put("kind", "rumour")),
                InputFormat.JSON).isEmpty());
        assertFalse(questions.validate(with(q, d -> ((ObjectNode) d.get("questions").get(0)).put("line", "12")),
                InputFormat.JSON).isEmpty());
    }

    private static String with(ObjectNode doc, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode copy = doc.deepCopy();
        change.accept(copy);
        return copy.toString();
    }

    @Test
    void theSchemasAreValidAndDescribeEveryField() throws IOException {
        Schema meta = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        for (String path : List.of(ApiSchemas.SPECS, ApiSchemas.QUESTIONS)) {
            assertEquals(List.of(), meta.validate(text(path), InputFormat.JSON).stream().map(Error::toString).toList(), path);
            List<String> undocumented = new ArrayList<>();
            undocumented(JSON.readTree(text(path)), "", undocumented);
            assertEquals(List.of(), undocumented, path + ": fields without a description");
        }
    }

    /** Every property of every {@code properties} object below {@code node} that has no description. */
    private static void undocumented(JsonNode node, String at, List<String> into) {
        if (node.isObject()) {
            JsonNode props = node.get("properties");
            if (props != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getValue().has("description")) {
                        into.add(at + "/" + e.getKey());
                    }
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                undocumented(e.getValue(), at + "/" + e.getKey(), into);
            }
        } else if (node.isArray()) {
            for (JsonNode n : node) {
                undocumented(n, at, into);
            }
        }
    }

    @Test
    void theRepositoryHoldsOneCopyOfEachSchema() throws IOException {
        try (Stream<Path> s = Files.walk(TestSites.projectRoot(), 12)) {
            List<Path> copies = s.filter(p -> p.getFileName().toString().endsWith(".schema.json"))
                    .filter(p -> !p.startsWith(TestSites.projectRoot().resolve("target"))).sorted().toList();
            assertEquals(List.of(TestSites.projectRoot().resolve("src/main/resources/dev/specsite/" + ApiSchemas.QUESTIONS),
                    TestSites.projectRoot().resolve("src/main/resources/dev/specsite/" + ApiSchemas.SPECS)), copies);
        }
    }
}
