package dev.specsite.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Who refers to each spec, and its backlinks, from every spec's references. */
final class Referrers {

    private Referrers() {
    }

    /**
     * Who refers to each spec (ids, sorted) and its backlinks (sorted), from every spec's references:
     * {@code refs} holds each spec's id and references, in id order. The targets are split in two by
     * hash, each half gathered on its own thread (both walk every spec's references in id order, so
     * that each target's lists come out as they would from one).
     */
    static void referrers(List<Map.Entry<String, List<LinkMemory.Ref>>> refs, Map<String, List<String>> from,
                                  Map<String, List<Backlink>> sortedBacklinks) {
        List<Map<String, Referred>> halves = java.util.stream.IntStream.range(0, 2).parallel().mapToObj(half -> {
            // in id order, each list of referring ids is sorted as it grows, and a spec referring twice
            // to one target adds itself twice in a row
            Map<String, Referred> byTarget = new HashMap<>();
            for (Map.Entry<String, List<LinkMemory.Ref>> e : refs) {
                // a call per spec rather than one long loop: in a fresh JVM the compiler takes a method
                // after a few hundred calls, a loop only after tens of thousands of rounds
                referred(e.getKey(), e.getValue(), byTarget, half);
            }
            Map<String, Referred> sorted = new HashMap<>(byTarget.size() * 2);
            byTarget.forEach((id, t) -> sorted.put(id, new Referred(t.from(), sortBacklinks(t.backlinks()))));
            return sorted;
        }).toList();
        for (Map<String, Referred> half : halves) {
            half.forEach((id, t) -> {
                from.put(id, t.from());
                sortedBacklinks.put(id, t.backlinks());
            });
        }
    }

    /** Who a spec refers to, and whence: what {@link #referrers} collects. */
    private record Referred(List<String> from, List<Backlink> backlinks) {
    }

    /** Collects a spec's references to the targets of one half ({@code half}: 0 or 1, by the target id's hash). */
    private static void referred(String id, List<LinkMemory.Ref> refs, Map<String, Referred> byTarget, int half) {
        for (LinkMemory.Ref ref : refs) {
            if ((ref.targetId().hashCode() & 1) != half || ref.targetId().equals(id)) {
                continue;
            }
            Referred t = byTarget.computeIfAbsent(ref.targetId(), k -> new Referred(new ArrayList<>(), new ArrayList<>()));
            if (t.from().isEmpty() || !t.from().get(t.from().size() - 1).equals(id)) {
                t.from().add(id);
            }
            t.backlinks().add(new Backlink(id, ref.context(), ref.anchor(), ref.line()));
        }
    }

    /** Backlinks by referring spec id, then line; references on one line keep their order. */
    static List<Backlink> sortBacklinks(List<Backlink> bl) {
        java.util.Comparator<Backlink> order = (a, b) -> a.fromId().equals(b.fromId())
                ? Integer.compare(a.line(), b.line()) : a.fromId().compareTo(b.fromId());
        for (int i = 1; i < bl.size(); i++) {
            if (order.compare(bl.get(i - 1), bl.get(i)) > 0) {
                List<Backlink> sorted = new ArrayList<>(bl);
                sorted.sort(order);
                return List.copyOf(sorted);
            }
        }
        return List.copyOf(bl);
    }
}
