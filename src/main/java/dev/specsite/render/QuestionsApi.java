package dev.specsite.render;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;

import dev.specsite.index.QuestionGroup;
import dev.specsite.model.OpenQuestion;

/**
 * {@code api/open-questions.json}: every unresolved question with its spec, place and age. Its JSON
 * Schema is {@code api/open-questions.schema.json} ({@link ApiSchemas}), named in {@code $schema}.
 */
public final class QuestionsApi {
    /** The file's path. */
    public static final String PATH = "api/open-questions.json";

    private QuestionsApi() {
    }

    /**
     * The document's root.
     *
     * @param schema its JSON Schema, relative to the document ({@link ApiSchemas#QUESTIONS})
     */
    public record Root(@JsonProperty("$schema") String schema, int schemaVersion, String asOf, int unresolved,
                       int resolved, List<Question> questions) {
    }

    /** One question. */
    public record Question(String spec, String title, String status, List<String> owners, String text, String kind,
                           String url, String anchor, int line, Integer ageDays) {
    }

    public static Output render(RenderContext ctx) {
        List<Question> qs = new ArrayList<>();
        for (QuestionGroup g : ctx.index().questionGroups()) {
            Integer age = QuestionsPage.age(ctx.index(), g.spec());
            for (OpenQuestion q : g.unresolved()) {
                qs.add(new Question(g.spec().id(), g.spec().spec().title(), g.spec().spec().status().slug(),
                        g.spec().spec().owners(), q.text(), q.kind(), g.spec().page() + "#" + q.anchor(), q.anchor(),
                        q.line(), age));
            }
        }
        try {
            byte[] b = SpecsApi.MAPPER.writeValueAsBytes(new Root(ApiSchemas.reference(ApiSchemas.QUESTIONS), 1, ctx.index().asOf(),
                    ctx.index().unresolvedQuestions(), ctx.index().resolvedQuestions(), qs));
            byte[] withNewline = java.util.Arrays.copyOf(b, b.length + 1);
            withNewline[b.length] = '\n';
            return new Output(PATH, withNewline);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + PATH, e);
        }
    }
}
