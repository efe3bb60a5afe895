package dev.specsite.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.specsite.link.LinkedSpec;
import dev.specsite.link.ResolvedRelation;

/**
 * The small relation graph of a spec page, laid out here so the template only draws: the spec in
 * the middle, the specs that refer to it (links and relations they declare) on the left, the specs it
 * refers to (its links and declared relations) on the right. Static SVG, no script; colours come
 * from the theme's CSS variables, so it reads in light and dark mode.
 */
final class RelationGraph {

    /** At most this many neighbours per side; the rest are counted. */
    static final int MAX_PER_SIDE = 8;
    static final int WIDTH = 700;
    static final int NODE_W = 160;
    static final int CENTER_W = 180;
    static final int NODE_H = 30;
    static final int GAP = 10;
    static final int PAD = 10;

    private RelationGraph() {
    }

    /** The graph of a spec, or {@code null} when it has no neighbours. */
    static Views.GraphView of(RenderContext ctx, LinkedSpec ls, String page) {
        Map<String, List<String>> out = new TreeMap<>(dev.specsite.index.NaturalOrder.INSTANCE);
        Map<String, List<String>> in = new TreeMap<>(dev.specsite.index.NaturalOrder.INSTANCE);
        for (ResolvedRelation r : ls.relations()) {
            if (r.targetId() == null || r.targetId().equals(ls.id())) {
                continue;
            }
            (r.declared() ? out : in).computeIfAbsent(r.targetId(), k -> new ArrayList<>())
                    .add(SpecPage.relationLabel(r.type()).toLowerCase(java.util.Locale.ROOT));
        }
        for (String id : ls.linksTo()) {
            out.computeIfAbsent(id, k -> new ArrayList<>()).add("links to");
        }
        for (String id : ls.linksFrom()) {
            in.computeIfAbsent(id, k -> new ArrayList<>()).add("links here");
        }
        if (out.isEmpty() && in.isEmpty()) {
            return null;
        }
        int rows = Math.max(Math.min(in.size(), MAX_PER_SIDE) + (in.size() > MAX_PER_SIDE ? 1 : 0),
                Math.min(out.size(), MAX_PER_SIDE) + (out.size() > MAX_PER_SIDE ? 1 : 0));
        int height = Math.max(NODE_H + 2 * PAD, rows * (NODE_H + GAP) - GAP + 2 * PAD);
        int cx = (WIDTH - CENTER_W) / 2;
        int cy = (height - NODE_H) / 2;
        List<Views.GraphNode> nodes = new ArrayList<>();
        List<Views.GraphEdge> edges = new ArrayList<>();
        Views.LinkView self = ctx.linkTo(ls.id(), page);
        nodes.add(new Views.GraphNode(cx, cy, CENTER_W, NODE_H, ls.id(), self.title(), null, "center"));
        side(ctx, page, in, PAD, cx, cy, height, false, nodes, edges);
        side(ctx, page, out, WIDTH - PAD - NODE_W, cx + CENTER_W, cy, height, true, nodes, edges);
        return new Views.GraphView(WIDTH, height, nodes, edges, Math.max(0, in.size() - MAX_PER_SIDE),
                Math.max(0, out.size() - MAX_PER_SIDE));
    }

    private static void side(RenderContext ctx, String page, Map<String, List<String>> specs, int x, int centerEdgeX,
                             int cy, int height, boolean outgoing, List<Views.GraphNode> nodes,
                             List<Views.GraphEdge> edges) {
        int shown = Math.min(specs.size(), MAX_PER_SIDE);
        int total = shown * (NODE_H + GAP) - GAP;
        int y = (height - total) / 2;
        int i = 0;
        for (Map.Entry<String, List<String>> e : specs.entrySet()) {
            if (i++ >= MAX_PER_SIDE) {
                break;
            }
            Views.LinkView t = ctx.linkTo(e.getKey(), page);
            boolean relation = e.getValue().stream().anyMatch(l -> !l.startsWith("links"));
            nodes.add(new Views.GraphNode(x, y, NODE_W, NODE_H, e.getKey(), t.title(), t.url(),
                    relation ? "relation" : "link"));
            int ny = y + NODE_H / 2;
            int mid = cy + NODE_H / 2;
            int sx = outgoing ? centerEdgeX : x + NODE_W;
            int ex = outgoing ? x : centerEdgeX;
            int sy = outgoing ? mid : ny;
            int ey = outgoing ? ny : mid;
            int c = (ex - sx) / 2;
            String d = "M" + sx + "," + sy + " C" + (sx + c) + "," + sy + " " + (ex - c) + "," + ey + " " + ex + "," + ey;
            String label = String.join(", ", e.getValue().stream().distinct().toList());
            int lx = outgoing ? x - 6 : x + NODE_W + 6;
            edges.add(new Views.GraphEdge(d, label, lx, ny - 5, outgoing ? "end" : "start",
                    relation ? "relation" : "link"));
            y += NODE_H + GAP;
        }
    }
}
