package dev.specsite.parse;

import com.vladsch.flexmark.util.ast.Node;

/**
 * The HTML being written, with the little line state of flexmark's line-formatting appendable
 * whose effect shows in the output: blank lines, leading spaces, pre-formatted runs. Writes tags
 * with the anchors and classes the parse gave their nodes ({@link DocState}).
 */
final class HtmlLines {
    private final DocState state;
    private final boolean stateEmpty;

    private final StringBuilder out;
    /** Where the current line starts in {@link #out}. */
    private int lineStart;
    /** Whether the current line holds only spaces and tabs so far (its leading spaces are dropped). */
    private boolean allWhite = true;
    /** Nesting of pre-formatted output (code blocks, raw HTML). */
    private int pre;
    /** Lines ended so far, dropped blank ones included. */
    private int lines;
    /** The line on which pre-formatted output last started. */
    private int preFirstLine = -1;
    /** Blank lines just written (at most one is). */
    private int blankRun;

    /**
     * Ends the current line, as flexmark's appendable does when it meets {@code \n}: a line with
     * no text that is not pre-formatted is blank, and of consecutive blank lines only the
     * first is written. (A line of a lone carriage return counts as having no text.)
     */
    private void eol() {
        int length = out.length() - lineStart;
        boolean empty = length == 0 || length == 1 && out.charAt(lineStart) == '\r';
        boolean preformatted = pre > 0 || preFirstLine == lines;
        if (empty && !preformatted) {
            out.setLength(lineStart);
            if (blankRun < 1) {
                out.append('\n');
                blankRun++;
            }
        } else {
            out.append('\n');
            blankRun = 0;
        }
        lines++;
        lineStart = out.length();
        allWhite = true;
    }

    /** flexmark's {@code line()}: ends the line unless at a line start (always in pre-formatted output). */
    void line() {
        if (pre > 0 || out.length() != lineStart) {
            eol();
        }
    }

    void openPre() {
        if (pre == 0 && preFirstLine != lines) {
            preFirstLine = lines;
        }
        pre++;
    }

    void closePre() {
        pre--;
    }

    /** Appends text: line ends end lines, and spaces at the start of a line are dropped outside pre-formatted output. */
    void append(String s) {
        int from = 0;
        int to = s.length();
        while (from < to) {
            int nl = s.indexOf('\n', from);
            int end = nl < 0 ? to : nl;
            if (from < end) {
                segment(s, from, end);
            }
            if (nl < 0) {
                return;
            }
            eol();
            from = nl + 1;
        }
    }

    /** Appends a piece of a line. */
    private void segment(String s, int from, int to) {
        if (allWhite) {
            if (pre > 0) {
                for (int i = from; i < to; i++) {
                    char c = s.charAt(i);
                    if (c != ' ' && c != '\t') {
                        allWhite = false;
                        break;
                    }
                }
            } else {
                while (from < to) {
                    char c = s.charAt(from);
                    if (c == ' ') {
                        from++;
                    } else if (c == '\t') {
                        out.append('\t');
                        from++;
                    } else {
                        allWhite = false;
                        break;
                    }
                }
            }
        }
        out.append(s, from, to);
    }

    /** Raw HTML, pre-formatted (flexmark's {@code rawPre}). */
    void rawPre(String s) {
        if (out.length() != lineStart && !s.isEmpty() && s.charAt(0) == '\n') {
            line();
            s = s.substring(1);
        }
        openPre();
        append(s);
        closePre();
    }

    /** Text, HTML-escaped ({@code & < > "}). */
    void text(String s) {
        append(HtmlText.first(s, HtmlText.ESCAPED) < 0 ? s : HtmlText.escape(s));
    }

    /** Text with no line end and nothing to escape. */
    void plain(String s) {
        if (allWhite && !s.isEmpty()) {
            segment(s, 0, s.length());
        } else {
            out.append(s);
        }
    }

    /** Opens a tag without attributes of its own; the anchors and classes of {@code node} are added. */
    void open(String tag, Node node) {
        if (stateEmpty || !state.anchors.containsKey(node) && !state.classes.containsKey(node)) {
            append("<" + tag + ">");
        } else {
            tag(tag, new HtmlAttrs(), node, false);
        }
    }

    void close(String tag) {
        append("</" + tag + ">");
    }

    /**
     * A start tag. With a node, the node's anchor and classes are set as specsite's attribute
     * provider sets them (on the node's own tag: not on links, nor on the inner tag of a block
     * that writes two, a loose task item's {@code <p>} or a code block's {@code <code>}).
     */
    void tag(String tag, HtmlAttrs attrs, Node node, boolean isVoid) {
        if (node != null) {
            anchorAndClasses(attrs, node);
        }
        StringBuilder t = new StringBuilder(64).append('<').append(tag);
        for (int i = 0; i < attrs.size; i++) {
            String name = attrs.names[i];
            String value = attrs.values[i];
            if (name.indexOf(' ') >= 0 || value.isEmpty()
                    && (name.equals("class") || name.equals("id") || name.equals("name") || name.equals("style"))) {
                continue;
            }
            t.append(' ').append(name).append("=\"").append(HtmlText.attributeValue(value)).append('"');
        }
        t.append(isVoid ? " />" : ">");
        append(t.toString());
    }

    HtmlLines(DocState state, int capacity) {
        this.state = state;
        this.stateEmpty = state.anchors.isEmpty() && state.classes.isEmpty();
        this.out = new StringBuilder(capacity);
    }

    /** The anchor (replacing any id) and the classes (joining any) that specsite's attribute provider gives a node. */
    void anchorAndClasses(HtmlAttrs a, Node node) {
        if (stateEmpty) {
            return;
        }
        String id = state.anchors.get(node);
        if (id != null) {
            a.replace("id", state.idPrefix + id);
        }
        String cls = state.classes.get(node);
        if (cls != null) {
            a.add("class", cls);
        }
    }

    /** The HTML written, its last line ended. */
    String finish() {
        line();
        return out.toString();
    }
}
