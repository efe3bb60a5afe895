package dev.specsite.incremental;

import java.util.List;
import java.util.Set;
import dev.specsite.diag.Diagnostic;
import dev.specsite.diag.Severity;
import dev.specsite.model.Approval;
import dev.specsite.model.ChecklistItem;
import dev.specsite.model.MetaEntry;
import dev.specsite.model.OpenQuestion;
import dev.specsite.model.RelatedDocument;
import dev.specsite.model.Relation;
import dev.specsite.model.Requirement;
import dev.specsite.model.Risk;
import dev.specsite.model.Section;
import dev.specsite.model.Spec;
import dev.specsite.model.SpecLink;
import dev.specsite.model.Status;
import dev.specsite.model.UserStory;
import dev.specsite.parse.ParsedSpec;
import dev.specsite.incremental.CacheBytes.In;
import dev.specsite.incremental.CacheBytes.Out;

/**
 * The model's records in the cache files, field by field in record component order: a parse result
 * (its spec without the body, its diagnostics and anchors), a spec and a diagnostic. A new component of
 * one of these records is written here, in its place, and the format numbers in {@link CacheCodec}
 * go up by one.
 */
final class CacheRecords {

    private CacheRecords() {
    }

    static void parsed(Out o, ParsedSpec p) {
        spec(o, p.spec());
        o.list(p.diagnostics(), CacheRecords::diagnostic);
        o.list(List.copyOf(new java.util.TreeSet<>(p.anchors())), Out::str);
        o.bool(p.rawLinks());
        o.str(p.rawLinks() ? p.html() : null); // the link stage reads such a body: kept, so that it never parses
    }

    static ParsedSpec parsed(In i) {
        Spec spec = spec(i);
        List<Diagnostic> diagnostics = i.list(CacheRecords::diagnostic);
        Set<String> anchors = Set.copyOf(i.list(In::str));
        boolean rawLinks = i.bool();
        return ParsedSpec.stored(spec, diagnostics, anchors, rawLinks, i.str());
    }

    private static void spec(Out o, Spec s) {
        o.str(s.source());
        o.str(s.id());
        o.bool(s.idDerived());
        o.str(s.title());
        o.str(s.status().slug());
        o.str(s.status().label());
        o.list(s.owners(), Out::str);
        o.str(s.created());
        o.str(s.updated());
        o.list(s.tags(), Out::str);
        o.list(s.aliases(), Out::str);
        o.list(s.metadata(), (x, m) -> {
            x.str(m.key());
            x.str(m.field());
            x.str(m.value());
            x.num(m.line());
            x.str(m.html());
            x.list(m.links(), (y, l) -> {
                y.num(l.index());
                y.str(l.text());
            });
        });
        o.list(s.sections(), (x, m) -> {
            x.str(m.title());
            x.str(m.number());
            x.str(m.anchor());
            x.num(m.level());
            x.num(m.line());
        });
        o.list(s.requirements(), (x, m) -> {
            x.str(m.id());
            x.str(m.text());
            x.str(m.section());
            x.num(m.line());
        });
        o.list(s.checklist(), (x, m) -> {
            x.str(m.text());
            x.bool(m.done());
            x.bool(m.acceptance());
            x.str(m.section());
            x.num(m.line());
        });
        o.list(s.questions(), (x, m) -> {
            x.str(m.text());
            x.str(m.anchor());
            x.num(m.line());
            x.bool(m.resolved());
            x.str(m.kind());
        });
        o.list(s.approvals(), (x, m) -> {
            x.str(m.role());
            x.str(m.name());
            x.str(m.state());
            x.num(m.line());
        });
        o.list(s.relations(), (x, m) -> {
            x.str(m.type());
            x.str(m.target());
            x.num(m.line());
        });
        o.list(s.links(), (x, m) -> {
            x.num(m.index());
            x.str(m.kind());
            x.str(m.target());
            x.str(m.context());
            x.num(m.line());
            x.num(m.column());
        });
        o.str(s.summary());
        o.num(s.words());
        o.str(s.hash());
        o.list(s.userStories(), (x, m) -> {
            x.str(m.role());
            x.str(m.want());
            x.str(m.soThat());
            x.str(m.section());
            x.num(m.line());
        });
        o.list(s.risks(), (x, m) -> {
            x.str(m.text());
            x.str(m.mitigation());
            x.num(m.line());
        });
        o.list(s.related(), (x, m) -> {
            x.str(m.title());
            x.str(m.target());
            x.num(m.line());
        });
        o.list(s.nonGoals(), Out::str);
        o.str(s.titleAnchor());
    }

    private static Spec spec(In i) {
        // the arguments are evaluated left to right, in the order they were written
        return new Spec(i.str(), i.str(), i.bool(), i.str(), new Status(i.str(), i.str()), i.list(In::str),
                i.str(), i.str(), i.list(In::str), i.list(In::str),
                i.list(x -> new MetaEntry(x.str(), x.str(), x.str(), x.int32(), x.str(),
                        x.list(y -> new MetaEntry.MetaLink(y.int32(), y.str())))),
                i.list(x -> new Section(x.str(), x.str(), x.str(), x.int32(), x.int32())),
                i.list(x -> new Requirement(x.str(), x.str(), x.str(), x.int32())),
                i.list(x -> new ChecklistItem(x.str(), x.bool(), x.bool(), x.str(), x.int32())),
                i.list(x -> new OpenQuestion(x.str(), x.str(), x.int32(), x.bool(), x.str())),
                i.list(x -> new Approval(x.str(), x.str(), x.str(), x.int32())),
                i.list(x -> new Relation(x.str(), x.str(), x.int32())),
                i.list(x -> new SpecLink(x.int32(), x.str(), x.str(), x.str(), x.int32(), x.int32())),
                i.str(), i.int32(), i.str(),
                i.list(x -> new UserStory(x.str(), x.str(), x.str(), x.str(), x.int32())),
                i.list(x -> new Risk(x.str(), x.str(), x.int32())),
                i.list(x -> new RelatedDocument(x.str(), x.str(), x.int32())),
                i.list(In::str), i.str());
    }

    static void diagnostic(Out o, Diagnostic d) {
        o.str(d.file());
        o.num(d.line());
        o.num(d.column());
        o.num(d.severity().ordinal());
        o.str(d.code());
        o.str(d.message());
        o.str(d.hint());
    }

    static Diagnostic diagnostic(In i) {
        return new Diagnostic(i.str(), i.int32(), i.int32(), SEVERITIES[i.int32()], i.str(), i.str(), i.str());
    }

    private static final Severity[] SEVERITIES = Severity.values();
}
