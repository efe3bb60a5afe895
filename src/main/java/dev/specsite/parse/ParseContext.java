package dev.specsite.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.model.SourceFile;

/**
 * What the readers and rules of one document's parse share: the file, its tree and its
 * rendering state, its diagnostics, the section being walked, and line and text look-ups made
 * once per block. Not shared between threads.
 */
final class ParseContext {
    final SiteConfig config;
    final SourceFile file;
    final String path;
    final List<Diagnostic> diags = new ArrayList<>();
    /** The time this parse may take, from its start. */
    final ParseBudget budget;
    /** A text that starts with a requirement id ({@code FR-1: …}). */
    private final Pattern requirementStart;
    /** The flexmark tree of the body (set once parsed). */
    Document doc;
    /** Anchors, classes and link placeholders for the rendering (set once parsed). */
    DocState state;
    /** The name of the section being walked ({@code ""} before the first heading). */
    String currentSection = "";
    private int[] lineStarts;
    /** The text of paragraphs, headings and table cells, read once: several steps read the same block. */
    private final Map<Node, String> blockTexts = new IdentityHashMap<>();
    /** The link context of each block (its text, shortened), made once per block. */
    private final Map<Node, String> contexts = new IdentityHashMap<>();

    ParseContext(SiteConfig config, SourceFile file, ParseBudget budget, Pattern requirementStart) {
        this.config = config;
        this.file = file;
        this.path = file.path();
        this.budget = budget;
        this.requirementStart = requirementStart;
    }

    /** The body whose offsets {@link #lineOf} and {@link #column} read. */
    void body(String body) {
        lineStarts = NodeText.lineStarts(body);
    }

    /** A warning in this document at column 1. */
    void warn(int line, String code, String message, String hint) {
        diags.add(Diagnostic.warning(path, line, 1, code, message, hint));
    }

    /**
     * The text of a paragraph, heading or table cell, white space collapsed. Read once per block:
     * their text does not change after parsing (mentions are replaced by nodes of the same text).
     */
    String blockText(Node block) {
        return blockTexts.computeIfAbsent(block, b -> NodeText.collapse(NodeText.text(b)));
    }

    /** The text of a list item: its first paragraph's, or all of it. */
    String itemText(ListItem item) {
        Node first = item.getFirstChild();
        if (first instanceof Paragraph) {
            return blockText(first);
        }
        return NodeText.collapse(NodeText.text(item));
    }

    /** The text of the block a node stands in, shortened, for "Referenced by" lists. */
    String context(Node n) {
        Node b = n;
        while (b != null && !(b instanceof Paragraph || b instanceof Heading || b instanceof TableCell)) {
            b = b.getParent();
        }
        if (b == null) {
            return "";
        }
        // one string per block, however many links it holds: shared in memory and in the cache
        return contexts.computeIfAbsent(b, x -> Values.shorten(blockText(x), 240));
    }

    /** The requirement a text starts with (group 1 its id, group 2 the rest), or {@code null}. */
    Matcher requirementAtStart(String text) {
        Matcher m = requirementStart.matcher(budget.guard(text));
        return m.matches() ? m : null;
    }

    /** The anchor a block has, or {@code proposed}, which it then has. */
    String anchorFor(Node block, String proposed) {
        String existing = state.anchors.get(block);
        if (existing != null) {
            return existing;
        }
        state.anchors.put(block, proposed);
        return proposed;
    }

    /** The 1-based line a node starts on (flexmark's own line lookup scans the document each time). */
    int startLine(Node n) {
        return lineOf(n.getStartOffset());
    }

    int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    int column(int offset) {
        int line = lineOf(offset);
        return offset - lineStarts[line - 1] + 1;
    }
}
