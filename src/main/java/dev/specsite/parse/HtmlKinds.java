package dev.specsite.parse;

import java.util.HashMap;
import java.util.Map;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCaption;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Document;

/** The node classes {@link HtmlOut} renders, each with its kind. Exact classes: flexmark dispatches on them. */
final class HtmlKinds {
    private HtmlKinds() {
    }

    /** The node classes rendered here, each with its kind. Exact classes: flexmark dispatches on them. */
    static final Map<Class<?>, Integer> KINDS = new HashMap<>();

    static final int DOCUMENT = 1;
    static final int PARAGRAPH = 2;
    static final int TEXT = 3;
    static final int TEXT_BASE = 4;
    static final int SOFT_BREAK = 5;
    static final int HARD_BREAK = 6;
    static final int HEADING = 7;
    static final int EMPHASIS = 8;
    static final int STRONG = 9;
    static final int CODE = 10;
    static final int FENCED_CODE = 11;
    static final int INDENTED_CODE = 12;
    static final int BLOCK_QUOTE = 13;
    static final int BULLET_LIST = 14;
    static final int ORDERED_LIST = 15;
    static final int LIST_ITEM = 16;
    static final int TASK_ITEM = 17;
    static final int THEMATIC_BREAK = 18;
    static final int LINK = 19;
    static final int IMAGE = 20;
    static final int LINK_REF = 21;
    static final int IMAGE_REF = 22;
    static final int NOTHING = 23;
    static final int AUTO_LINK = 24;
    static final int MAIL_LINK = 25;
    static final int HTML_BLOCK = 26;
    static final int HTML_INLINE = 27;
    static final int HTML_ENTITY = 28;
    static final int STRIKETHROUGH = 29;
    static final int TABLE = 30;
    static final int TABLE_HEAD = 31;
    static final int TABLE_BODY = 32;
    static final int TABLE_ROW = 33;
    static final int TABLE_CELL = 34;
    static final int TABLE_CAPTION = 35;
    static final int MENTION = 36;

    static {
        KINDS.put(Document.class, DOCUMENT);
        KINDS.put(Paragraph.class, PARAGRAPH);
        KINDS.put(Text.class, TEXT);
        KINDS.put(TextBase.class, TEXT_BASE);
        KINDS.put(SoftLineBreak.class, SOFT_BREAK);
        KINDS.put(HardLineBreak.class, HARD_BREAK);
        KINDS.put(Heading.class, HEADING);
        KINDS.put(Emphasis.class, EMPHASIS);
        KINDS.put(StrongEmphasis.class, STRONG);
        KINDS.put(Code.class, CODE);
        KINDS.put(FencedCodeBlock.class, FENCED_CODE);
        KINDS.put(IndentedCodeBlock.class, INDENTED_CODE);
        KINDS.put(BlockQuote.class, BLOCK_QUOTE);
        KINDS.put(BulletList.class, BULLET_LIST);
        KINDS.put(OrderedList.class, ORDERED_LIST);
        KINDS.put(BulletListItem.class, LIST_ITEM);
        KINDS.put(OrderedListItem.class, LIST_ITEM);
        KINDS.put(TaskListItem.class, TASK_ITEM);
        KINDS.put(ThematicBreak.class, THEMATIC_BREAK);
        KINDS.put(Link.class, LINK);
        KINDS.put(Image.class, IMAGE);
        KINDS.put(LinkRef.class, LINK_REF);
        KINDS.put(ImageRef.class, IMAGE_REF);
        // rendered as nothing: definitions, and comments (suppressed by the options)
        KINDS.put(Reference.class, NOTHING);
        KINDS.put(HtmlCommentBlock.class, NOTHING);
        KINDS.put(HtmlInlineComment.class, NOTHING);
        KINDS.put(TableSeparator.class, NOTHING);
        KINDS.put(AutoLink.class, AUTO_LINK);
        KINDS.put(MailLink.class, MAIL_LINK);
        KINDS.put(HtmlBlock.class, HTML_BLOCK);
        KINDS.put(HtmlInline.class, HTML_INLINE);
        KINDS.put(HtmlEntity.class, HTML_ENTITY);
        KINDS.put(Strikethrough.class, STRIKETHROUGH);
        KINDS.put(TableBlock.class, TABLE);
        KINDS.put(TableHead.class, TABLE_HEAD);
        KINDS.put(TableBody.class, TABLE_BODY);
        KINDS.put(TableRow.class, TABLE_ROW);
        KINDS.put(TableCell.class, TABLE_CELL);
        KINDS.put(TableCaption.class, TABLE_CAPTION);
        KINDS.put(RefNode.class, MENTION);
    }
}
