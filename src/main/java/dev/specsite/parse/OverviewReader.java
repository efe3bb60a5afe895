package dev.specsite.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;

/** Reads bold metadata lines in a document's first section when it is an Overview (or Metadata) section. */
final class OverviewReader {
    static final Pattern SECTION = Pattern.compile(
            "(?i)^(?:overview|metadata|document\\s+(?:info|information|control|metadata)|status|summary|header)$");

    private final ParseContext cx;
    private final MetadataParagraphReader paragraphs;
    private final MetadataListReader lists;

    OverviewReader(ParseContext cx, MetadataParagraphReader paragraphs, MetadataListReader lists) {
        this.cx = cx;
        this.paragraphs = paragraphs;
        this.lists = lists;
    }

    /** Bold metadata lines in an Overview (or Metadata) section, as the technical-spec template has them. */
    void read() {
        for (Node n = cx.doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() >= 2) {
                String title = NodeText.canonical(cx.blockText(h));
                if (!SECTION.matcher(title).matches()) {
                    return; // only the first section is looked at
                }
                List<Node> consumed = new ArrayList<>();
                for (Node c = h.getNext(); c != null && !(c instanceof Heading); c = c.getNext()) {
                    if (c instanceof Paragraph p && paragraphs.read(p, true)) {
                        consumed.add(p);
                    } else if (c instanceof BulletList bl && MetadataListReader.bold(bl) && lists.read(bl, false)
                            && !bl.hasChildren()) {
                        consumed.add(bl);
                    }
                }
                consumed.forEach(Node::unlink);
                if (!consumed.isEmpty() && (h.getNext() == null || h.getNext() instanceof Heading)) {
                    h.unlink();
                }
                return;
            }
        }
    }
}
