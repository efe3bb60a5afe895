package dev.specsite.parse;

import java.util.ArrayList;
import java.util.List;

import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;

/** Reads metadata lists: bullet items of {@code key: value} pairs, as proposal headers write them. */
final class MetadataListReader {
    private final ParseContext cx;
    private final MetadataStore meta;

    MetadataListReader(ParseContext cx, MetadataStore meta) {
        this.cx = cx;
        this.meta = meta;
    }

    /**
     * Reads a list of {@code key: value} items. The list is metadata when most of its items are
     * (a Swift proposal's header has a plain link item among them) and one key is known, two
     * items are pairs, or metadata came just before ({@code afterMetadata}: a list of one
     * unknown key after a change of bullet character). Items read are removed from the body, unless they hold more than their
     * line (a nested list); a value may wrap onto the item's next lines.
     *
     * @return whether metadata was read; the list may keep its other items
     */
    boolean read(ListBlock list, boolean afterMetadata) {
        List<KeyValue> pairs = new ArrayList<>();
        List<Integer> pairLines = new ArrayList<>();
        List<Node> whole = new ArrayList<>();
        boolean anyKnown = false;
        int items = 0;
        int kvItems = 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            items++;
            if (!(item instanceof ListItem) || !(item.getFirstChild() instanceof Paragraph p)) {
                continue;
            }
            String[] lines = Sequences.string(p.getChars()).strip().split("\n");
            List<KeyValue> kvs = KeyValue.parseLine(lines[0]);
            if (kvs.isEmpty()) {
                continue;
            }
            kvItems++;
            if (lines.length > 1) {
                // a value wrapped onto the item's next lines
                StringBuilder more = new StringBuilder(kvs.get(kvs.size() - 1).value());
                for (int i = 1; i < lines.length; i++) {
                    more.append(' ').append(lines[i].strip());
                }
                KeyValue last = kvs.get(kvs.size() - 1);
                kvs = new ArrayList<>(kvs);
                kvs.set(kvs.size() - 1, new KeyValue(last.key(), more.toString().strip(), last.bold(), last.column()));
            }
            for (KeyValue kv : kvs) {
                anyKnown |= meta.field(kv.key()) != null;
                pairs.add(kv);
                pairLines.add(cx.startLine(item));
            }
            if (item.getFirstChild() == item.getLastChild()) {
                whole.add(item);
            }
        }
        if (pairs.isEmpty() || !(anyKnown || pairs.size() >= 2 || afterMetadata) || kvItems * 3 < items * 2
                || kvItems < items && kvItems < 2) {
            return false;
        }
        for (int i = 0; i < pairs.size(); i++) {
            meta.add(pairs.get(i).key(), pairs.get(i).value(), pairLines.get(i), 3);
        }
        whole.forEach(Node::unlink);
        return true;
    }

    /** Whether every item of a list starts in bold. */
    static boolean bold(ListBlock list) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            String first = item.getFirstChild() == null ? "" : Sequences.string(item.getFirstChild().getChars()).strip();
            if (!first.startsWith("**") && !first.startsWith("__")) {
                return false;
            }
        }
        return true;
    }
}
