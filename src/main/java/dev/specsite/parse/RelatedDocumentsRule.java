package dev.specsite.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.util.ast.Node;

import dev.specsite.model.RelatedDocument;

/**
 * Related documents: the top-level list items of a Related Documents section ({@code ## Related},
 * {@code ## References}, {@code ## See also}, …), each with its first link as target, or its text only.
 */
final class RelatedDocumentsRule extends SectionItemsRule {
    static final Pattern SECTION = Pattern.compile(
            "(?i)^(?:related(?:\\s+(?:documents?|docs|documentation|specs?|specifications|work|links|reading|resources|proposals|rfcs|designs?))?"
            + "|references?|see\\s+also|further\\s+reading)$");

    private final List<RelatedDocument> related = new ArrayList<>();

    RelatedDocumentsRule() {
        super(SECTION);
    }

    @Override
    void item(ParseContext cx, ListItem item, String text, int line) {
        String target = null;
        String title = text;
        for (Node n : item.getDescendants()) {
            if (n instanceof Link l) {
                target = Sequences.string(l.getUrl()).strip();
                String lt = NodeText.collapse(NodeText.text(l));
                title = text.equals(lt) || lt.isEmpty() ? (lt.isEmpty() ? target : lt) : text;
                break;
            }
            if (n instanceof AutoLink a) {
                target = Sequences.string(a.getUrl()).strip();
                break;
            }
            if (n instanceof LinkRef lr && lr.getReferenceNode(cx.doc) != null) {
                target = Sequences.string(lr.getReferenceNode(cx.doc).getUrl()).strip();
                break;
            }
        }
        String t = NodeText.shortText(title);
        if (t.isEmpty() || Values.isPlaceholder(t) || Values.isEmptyWord(t)) {
            if (Values.isPlaceholder(t)) {
                cx.warn(line, "placeholder", "related document is a template placeholder: " + t,
                        "link the document or remove the line");
            }
            return;
        }
        related.add(new RelatedDocument(t, target == null || target.isEmpty() ? null : target, line));
    }

    @Override
    public void addTo(SpecDraft draft) {
        draft.related = related;
    }
}
