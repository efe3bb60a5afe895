package dev.specsite.link;

import java.util.List;
import java.util.Set;

import dev.specsite.diag.Diagnostic;
import dev.specsite.model.Spec;
import dev.specsite.parse.ParsedSpec;

/** A spec's references as resolved, before backlinks and relations are added: what a later run may reuse. */
record Outcome(ParsedSpec parsed, Spec spec, List<Diagnostic> extra, Body body,
               List<LinkMemory.Ref> refs, List<String> broken, List<Diagnostic> diags,
               Set<String> consulted, List<String> copied) {
    Outcome(ParsedSpec parsed, Spec spec, List<Diagnostic> extra, Resolution r) {
        this(parsed, spec, List.copyOf(extra), r.body, List.copyOf(r.refs), List.copyOf(r.broken),
                List.copyOf(r.diags), Set.copyOf(r.consulted), List.copyOf(r.copied));
    }

    Resolution toResolution() {
        Resolution r = new Resolution(spec, body, diags);
        r.refs.addAll(refs);
        r.broken.addAll(broken);
        return r;
    }
}
