package dev.specsite.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.specsite.config.People;
import dev.specsite.diag.Diagnostic;
import dev.specsite.link.Backlink;
import dev.specsite.link.LinkedSpec;
import dev.specsite.link.Urls;
import dev.specsite.link.ResolvedRelation;
import dev.specsite.model.Approval;
import dev.specsite.model.MetaEntry;
import dev.specsite.model.OpenQuestion;
import dev.specsite.model.Requirement;
import dev.specsite.model.Section;
import dev.specsite.model.Spec;

/**
 * {@code api/specs.json}: every spec as data. Its JSON Schema is {@code api/specs.schema.json}
 * ({@link ApiSchemas}), which the document names in {@code $schema}; fields are only ever added, and
 * {@code schemaVersion} changes when one changes meaning.
 */
public final class SpecsApi {
    /** The file's path in the site. */
    public static final String PATH = "api/specs.json";
    /** The schema version. */
    public static final int SCHEMA_VERSION = 1;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false)
            .build();

    private SpecsApi() {
    }

    /**
     * The document's root.
     *
     * @param schema its JSON Schema, relative to the document ({@link ApiSchemas#SPECS})
     * @param people the people who own specs, one per owner page
     */
    public record Root(@JsonProperty("$schema") String schema, int schemaVersion, String generator, int count,
                       List<ApiSpec> specs, List<ApiPerson> people) {
    }

    /**
     * A person who owns specs: one per owner page.
     *
     * @param id     the person's key, as in {@code ownerIds} (the owner page's name)
     * @param name   the name the site shows: the people file's, else the spelling used most
     * @param url    the profile URL of the people file, or {@code null}
     * @param page   the owner page, relative to the site root
     * @param owners every spelling of the person in the specs, the most used first
     * @param specs  how many specs the person owns
     */
    public record ApiPerson(String id, String name, String url, String page, List<String> owners, int specs) {
    }

    /** One spec; {@code ownerIds}: the person of each of {@code owners}, in the same order. */
    public record ApiSpec(String id, String title, String status, String statusLabel, String statusDetail,
                          List<String> owners, List<String> ownerIds,
                          String created, String updated, String source, String url, List<String> tags,
                          String summary, List<ApiSection> sections, List<ApiQuestion> openQuestions,
                          int resolvedQuestions, Acceptance acceptance, List<ApiRequirement> requirements,
                          List<ApiApproval> approvals, Links links, List<ApiRelation> relations,
                          List<String> brokenLinks, Map<String, String> extra,
                          Map<String, List<ApiMetadataLink>> metadataLinks, List<ApiDiagnostic> diagnostics,
                          List<ApiUserStory> userStories, List<ApiRisk> risks, List<ApiRelatedDocument> relatedDocuments,
                          List<String> nonGoals,
                          List<String> aliases, String permalink, String shortUrl, List<String> formerPaths,
                          List<ApiRequirementBacklink> requirementBacklinks) {
    }

    /**
     * A link of a metadata value.
     *
     * @param text   the link's text
     * @param target the target as written
     * @param spec   the id of the spec it goes to, or {@code null}
     */
    public record ApiMetadataLink(String text, String target, String spec) {
    }

    /** Per metadata key, the links of its values (keys in the order written), for the keys that have any. */
    private static Map<String, List<ApiMetadataLink>> metadataLinks(LinkedSpec ls) {
        Map<String, List<ApiMetadataLink>> out = new LinkedHashMap<>();
        List<dev.specsite.link.Resolved> resolved = ls.body().resolved();
        for (dev.specsite.model.MetaEntry e : ls.spec().metadata()) {
            for (dev.specsite.model.MetaEntry.MetaLink l : e.links()) {
                dev.specsite.link.Resolved r = l.index() < resolved.size() ? resolved.get(l.index()) : null;
                String target = l.index() < ls.spec().links().size() ? ls.spec().links().get(l.index()).target() : null;
                out.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(new ApiMetadataLink(l.text(), target,
                        r instanceof dev.specsite.link.Resolved.ToSpec t ? t.id() : null));
            }
        }
        return out;
    }

    /** A user story. */
    public record ApiUserStory(String role, String want, String soThat, int line) {
    }

    /** A risk and its mitigation ({@code null} when none is given). */
    public record ApiRisk(String text, String mitigation, int line) {
    }

    /**
     * The specs whose text names one of this spec's requirements ({@code SPEC-4#FR-2}).
     *
     * @param requirement the requirement id
     * @param from        ids of the referring specs, sorted
     */
    public record ApiRequirementBacklink(String requirement, List<String> from) {
    }

    /** A related document: its text and link target as written ({@code null} without a link). */
    public record ApiRelatedDocument(String title, String target, int line) {
    }

    /** A heading. */
    public record ApiSection(String title, String anchor, int level) {
    }

    /** An unresolved question. */
    public record ApiQuestion(String text, String anchor, int line) {
    }

    /** Acceptance progress. */
    public record Acceptance(int done, int total) {
    }

    /** A requirement. */
    public record ApiRequirement(String id, String text, String anchor, int line) {
    }

    /** A sign-off. */
    public record ApiApproval(String role, String name, String state, int line) {
    }

    /** Outgoing and incoming references, as ids. */
    public record Links(List<String> to, List<String> from) {
    }

    /** A typed relation. */
    public record ApiRelation(String type, String target, String targetId, boolean declared) {
    }

    /** A diagnostic of the spec. */
    public record ApiDiagnostic(int line, int column, String severity, String code, String message) {
    }

    /** One spec's JSON record, for a site without {@code site.host} nor a people file. */
    public static ApiSpec of(LinkedSpec ls) {
        return of(ls, "", People.NONE);
    }

    /**
     * One spec's JSON record.
     *
     * @param siteHost {@code site.host}: {@code permalink} is absolute below it, else the page path
     * @param people   who the owners are
     */
    public static ApiSpec of(LinkedSpec ls, String siteHost, People people) {
        Spec s = ls.spec();
        List<ApiSection> sections = new ArrayList<>();
        for (Section sec : s.sections()) {
            sections.add(new ApiSection(sec.title(), sec.anchor(), sec.level()));
        }
        List<ApiQuestion> questions = new ArrayList<>();
        for (OpenQuestion q : s.unresolvedQuestions()) {
            questions.add(new ApiQuestion(q.text(), q.anchor(), q.line()));
        }
        List<ApiRequirement> reqs = new ArrayList<>();
        for (Requirement r : s.requirements()) {
            reqs.add(new ApiRequirement(r.id(), r.text(), r.anchor(), r.line()));
        }
        List<ApiApproval> approvals = new ArrayList<>();
        for (Approval a : s.approvals()) {
            approvals.add(new ApiApproval(a.role(), a.name(), a.state(), a.line()));
        }
        List<ApiRelation> relations = new ArrayList<>();
        for (ResolvedRelation r : ls.relations()) {
            relations.add(new ApiRelation(r.type(), r.target(), r.targetId(), r.declared()));
        }
        Map<String, String> extra = new LinkedHashMap<>();
        for (MetaEntry e : s.metadata()) {
            if (e.field() == null) {
                extra.putIfAbsent(e.key(), e.value());
            }
        }
        List<ApiDiagnostic> diags = new ArrayList<>();
        for (Diagnostic d : ls.diagnostics()) {
            diags.add(new ApiDiagnostic(d.line(), d.column(), d.severity().label(), d.code(), d.message()));
        }
        List<String> ownerIds = s.owners().stream().map(o -> people.who(o).slug()).toList();
        return new ApiSpec(s.id(), s.title(), s.status().slug(), s.status().label(), s.status().detail(), s.owners(),
                ownerIds, s.created(),
                s.updated(), s.source(), ls.page(), s.tags(), s.summary(), sections, questions,
                s.questions().size() - questions.size(), new Acceptance(s.acceptanceDone(), s.acceptanceTotal()),
                reqs, approvals, new Links(ls.linksTo(), ls.linksFrom()), relations, ls.brokenLinks(), extra,
                metadataLinks(ls), diags,
                s.userStories().stream().map(u -> new ApiUserStory(u.role(), u.want(), u.soThat(), u.line())).toList(),
                s.risks().stream().map(r -> new ApiRisk(r.text(), r.mitigation(), r.line())).toList(),
                s.related().stream().map(d -> new ApiRelatedDocument(d.title(), d.target(), d.line())).toList(),
                s.nonGoals(),
                ls.aliases(), siteHost == null || siteHost.isEmpty() ? ls.page() : Urls.canonical(siteHost, "", ls.page()),
                Urls.shortPath(ls.id()) == null ? null : Urls.served(Urls.shortPath(ls.id())), ls.formerPaths(),
                requirementBacklinks(ls));
    }

    private static List<ApiRequirementBacklink> requirementBacklinks(LinkedSpec ls) {
        List<ApiRequirementBacklink> out = new ArrayList<>();
        for (Requirement r : ls.spec().requirements()) {
            java.util.TreeSet<String> from = new java.util.TreeSet<>();
            for (Backlink b : ls.backlinks()) {
                if (r.anchor().equals(b.anchor())) {
                    from.add(b.fromId());
                }
            }
            if (!from.isEmpty()) {
                out.add(new ApiRequirementBacklink(r.id(), List.copyOf(from)));
            }
        }
        return out;
    }

    public static Output render(RenderContext ctx, String generator) {
        People people = ctx.index().people();
        List<ApiSpec> specs = ctx.index().specs().stream().map(s -> of(s, ctx.config().siteHost(), people)).toList();
        List<ApiPerson> persons = ctx.index().owners().stream().map(t -> new ApiPerson(t.slug(), t.label(), t.url(),
                TaxonomyPages.ownerPage(t.slug()), t.spellings(), t.count())).toList();
        try {
            byte[] bytes = MAPPER.writeValueAsBytes(new Root(ApiSchemas.reference(ApiSchemas.SPECS), SCHEMA_VERSION,
                    generator, specs.size(), specs, persons));
            byte[] withNewline = java.util.Arrays.copyOf(bytes, bytes.length + 1);
            withNewline[bytes.length] = '\n';
            return new Output(PATH, withNewline);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + PATH, e);
        }
    }
}
