package dev.specsite.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;

/** Text helpers of the parse: the plain text of a node, white space, lines and words. No state. */
final class NodeText {

    /** A heading's number before its name: {@code 2.1}, {@code 3.}, {@code A.}, {@code IV.}. */
    static final java.util.regex.Pattern SECTION_NUMBER = java.util.regex.Pattern.compile(
            "^((?:\\d+(?:\\.\\d+)*\\.?)|(?:[A-Z]\\.)|(?:[IVXLC]+\\.))\\s+(.+)$");

    private NodeText() {
    }


    /**
     * Makes every child's parent the node whose child it is. flexmark's task-list pre-processor,
     * replacing a list item that holds several paragraphs, leaves the later ones pointing to the
     * replaced item; re-appending the children in order sets their parent again.
     */
    static void repairParents(Node root) {
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            List<Node> children = new ArrayList<>();
            boolean broken = false;
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                children.add(c);
                broken |= c.getParent() != n;
            }
            if (broken) {
                for (Node c : children) {
                    n.appendChild(c);
                }
            }
            children.forEach(todo::push);
        }
    }

    /**
     * The plain text of a node: text and code spans, link and image text, line breaks and block
     * boundaries as spaces; raw HTML and comments left out. (flexmark's own TextCollectingVisitor
     * fails an internal assertion on some inputs, so specsite collects text itself.)
     */
    static String text(Node n) {
        StringBuilder sb = new StringBuilder();
        collectText(n, sb);
        return sb.toString();
    }

    /**
     * The text of an inline container as its rendered HTML shows it (what GitHub makes a heading's
     * anchor of): text and code spans, link text; raw HTML tags, images and comments give nothing,
     * a line break gives a line end. Not trimmed or collapsed.
     */
    static String shownText(Node n) {
        StringBuilder sb = new StringBuilder();
        collectShown(n, sb);
        return sb.toString();
    }

    private static void collectShown(Node n, StringBuilder sb) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text || c instanceof RefNode) {
                unescape(Sequences.string(c.getChars()), sb);
            } else if (c instanceof Code code) {
                sb.append(Sequences.string(code.getText()));
            } else if (c instanceof HtmlEntity) {
                sb.append(org.jsoup.parser.Parser.unescapeEntities(Sequences.string(c.getChars()), false));
            } else if (c instanceof AutoLink a) {
                sb.append(Sequences.string(a.getText()));
            } else if (c instanceof MailLink m) {
                sb.append(Sequences.string(m.getText()));
            } else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
                sb.append('\n');
            } else if (!(c instanceof HtmlInline || c instanceof HtmlInlineComment || c instanceof Image
                    || c instanceof ImageRef)) {
                collectShown(c, sb);
            }
        }
    }

    /** Backslash escapes removed ({@code \\*} is {@code *}); flexmark's own unescape is quadratic on long runs. */
    private static void unescape(String chars, StringBuilder sb) {
        if (chars.indexOf('\\') < 0) {
            sb.append(chars);
            return;
        }
        int n = chars.length();
        for (int i = 0; i < n; i++) {
            char c = chars.charAt(i);
            if (c == '\\' && i + 1 < n && isAsciiPunctuation(chars.charAt(i + 1))) {
                c = chars.charAt(++i);
            }
            sb.append(c);
        }
    }

    private static boolean isAsciiPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }

    private static void collectText(Node n, StringBuilder sb) {
        if (n instanceof Text || n instanceof RefNode) {
            unescape(Sequences.string(n.getChars()), sb);
        } else if (n instanceof Code c) {
            sb.append(Sequences.string(c.getText()));
        } else if (n instanceof HtmlEntity) {
            sb.append(org.jsoup.parser.Parser.unescapeEntities(Sequences.string(n.getChars()), false));
        } else if (n instanceof AutoLink a) {
            sb.append(Sequences.string(a.getText()));
        } else if (n instanceof MailLink m) {
            sb.append(Sequences.string(m.getText()));
        } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
            sb.append(' ');
        } else if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock) {
            sb.append(' ').append(Sequences.string(n.getChildChars())).append(' ');
        } else if (n instanceof HtmlBlock || n instanceof HtmlInline || n instanceof HtmlCommentBlock
                || n instanceof HtmlInlineComment || n instanceof Reference) {
            sb.append(' ');
        } else {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                collectText(c, sb);
            }
            if (n instanceof com.vladsch.flexmark.util.ast.Block) {
                sb.append(' ');
            }
        }
    }

    /** White space runs as one space, trimmed (a hot path: no regular expression). */
    static String collapse(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || Character.isWhitespace(s.charAt(i + 1)))) {
                return collapseRuns(s, start, end);
            }
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end); // the common case: at most trimmed
    }

    /** Each run of white space in {@code s[start, end)} (which starts and ends with other characters) as one space. */
    private static String collapseRuns(String s, int start, int end) {
        StringBuilder sb = new StringBuilder(end - start);
        boolean space = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String shortText(String s) {
        return Values.shorten(s, 400);
    }

    static String canonical(String headingText) {
        Matcher m = SECTION_NUMBER.matcher(headingText);
        return m.matches() ? m.group(2).strip() : headingText;
    }

    static String sentenceAround(String text, String word) {
        int i = text.indexOf(word);
        if (i < 0) {
            return text;
        }
        int start = Math.max(text.lastIndexOf(". ", i) + 2, 0);
        int end = text.indexOf(". ", i);
        return text.substring(Math.min(start, i), end < 0 ? text.length() : end + 1).strip();
    }

    static int[] lineStarts(String s) {
        int[] starts = new int[64];
        int count = 1;
        for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        return Arrays.copyOf(starts, count);
    }

    static int words(String text) {
        int count = 0;
        boolean in = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            boolean ws = c <= ' ' ? Character.isWhitespace(c) : c >= 0x80 && Character.isWhitespace(c);
            if (!ws && !in) {
                count++;
            }
            in = !ws;
        }
        return count;
    }

}
