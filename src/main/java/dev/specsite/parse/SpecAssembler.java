package dev.specsite.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.specsite.diag.Diagnostic;
import dev.specsite.model.MetaEntry;
import dev.specsite.model.Relation;
import dev.specsite.model.Spec;
import dev.specsite.model.Status;

/** Makes the spec of a document from its metadata entries and the parts its walk collected: status, dates, people, relations. */
final class SpecAssembler {
    private final ParseContext cx;
    private final MetadataStore meta;

    SpecAssembler(ParseContext cx, MetadataStore meta) {
        this.cx = cx;
        this.meta = meta;
    }

    /** The spec of a document: its title and id, its text (for the word count) and what the walk collected. */
    Spec build(TitleReader.TitleAndId titleAndId, String text, SpecDraft d) {
        Status status = status();
        String created = date("created");
        String updated = date("updated");
        List<String> owners = new ArrayList<>();
        for (MetaEntry e : meta.byField.getOrDefault("owners", List.of())) {
            if (Values.isPlaceholder(e.value())) {
                cx.diags.add(Diagnostic.warning(meta.fileOf(e), e.line(), 1, "placeholder",
                        "'" + e.key() + "' is a template placeholder: " + e.value(), "name the owner"));
                continue;
            }
            for (String p : Values.people(e.value())) {
                if (!owners.contains(p)) {
                    owners.add(p);
                }
            }
        }
        List<String> tags = new ArrayList<>();
        meta.byField.getOrDefault("tags", List.of()).forEach(e -> Values.words(e.value()).forEach(w -> {
            if (!tags.contains(w)) {
                tags.add(w);
            }
        }));
        List<String> aliases = new ArrayList<>();
        meta.byField.getOrDefault("aliases", List.of()).forEach(e -> aliases.addAll(Values.words(e.value())));
        List<Relation> relations = new ArrayList<>();
        for (Map.Entry<String, List<MetaEntry>> e : meta.byField.entrySet()) {
            if (!MetadataStore.isRelation(e.getKey())) {
                continue;
            }
            for (MetaEntry m : e.getValue()) {
                for (String part : m.value().split("\\s*[,;]\\s*")) {
                    String target = Values.linkTarget(part).filter(u -> !u.isBlank()).orElse(Values.plain(part));
                    target = target.strip();
                    if (!target.isEmpty() && !Values.isPlaceholder(target) && !Values.isEmptyWord(target)
                            && !target.contains(" ")) {
                        relations.add(new Relation(e.getKey(), target, m.line()));
                    } else if (Values.isPlaceholder(target)) {
                        cx.diags.add(Diagnostic.warning(meta.fileOf(m), m.line(), 1, "placeholder",
                                "'" + m.key() + "' is a template placeholder: " + target, null));
                    }
                }
            }
        }
        return new Spec(cx.path, titleAndId.id(), titleAndId.idDerived(), titleAndId.title(), status, owners, created, updated,
                tags, aliases, meta.entries, d.sections, d.requirements, d.checklist, d.questions, d.approvals, relations, d.links,
                d.summary, NodeText.words(text), cx.file.hash(), d.stories, d.risks, d.related, d.nonGoals,
                d.titleAnchor);
    }

    private Status status() {
        Optional<MetaEntry> e = meta.first("status");
        if (e.isEmpty() || e.get().value().isBlank()) {
            cx.diags.add(Diagnostic.info(cx.path, 1, 1, "no-status", "no status declared",
                    "add a line such as '**Status**: Draft' (one of: " + cx.config.statuses().allowed() + ")"));
            return Status.NONE;
        }
        String v = e.get().value();
        String[] alternatives = v.replaceAll("^\\[|\\]$", "").split("\\s*[|/]\\s*");
        if (alternatives.length >= 2) {
            long known = Arrays.stream(alternatives).filter(a -> cx.config.statuses().match(a).isPresent()).count();
            if (known >= 2) {
                cx.diags.add(Diagnostic.warning(meta.fileOf(e.get()), e.get().line(), 1, "placeholder",
                        "status still lists the template's choices: " + v,
                        "keep one of: " + cx.config.statuses().allowed()));
                return Status.NONE;
            }
        }
        if (Values.isPlaceholder(v)) {
            cx.diags.add(Diagnostic.warning(meta.fileOf(e.get()), e.get().line(), 1, "placeholder",
                    "status is a template placeholder: " + v, "use one of: " + cx.config.statuses().allowed()));
            return Status.NONE;
        }
        Optional<String> slug = cx.config.statuses().match(v);
        if (slug.isEmpty()) {
            cx.diags.add(Diagnostic.warning(meta.fileOf(e.get()), e.get().line(), 1, "unknown-status",
                    "unknown status '" + Values.shorten(v, 120) + "'", "use one of: " + cx.config.statuses().allowed()
                            + " (or add an alias in specsite.status.<status>.aliases)"));
            return new Status(null, v);
        }
        return new Status(slug.get(), v);
    }

    private String date(String field) {
        Optional<MetaEntry> e = meta.first(field);
        if (e.isEmpty()) {
            return null;
        }
        Values.DateValue d = Values.date(e.get().value());
        if (d.placeholder()) {
            cx.diags.add(Diagnostic.warning(meta.fileOf(e.get()), e.get().line(), 1, "placeholder",
                    "'" + e.get().key() + "' is a template placeholder: " + e.get().value(), "write the date as YYYY-MM-DD"));
        } else if (d.invalid()) {
            cx.diags.add(Diagnostic.warning(meta.fileOf(e.get()), e.get().line(), 1, "invalid-date",
                    "cannot read the date '" + e.get().value() + "'", "write the date as YYYY-MM-DD"));
        }
        return d.iso();
    }
}
