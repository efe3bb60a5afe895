package dev.specsite.parse;

import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListItem;

/**
 * A rule over one kind of section: the span its heading opens (see {@link SectionSpan}) and each
 * top-level list item inside it, which it reads without taking it from the rules after it.
 */
abstract class SectionItemsRule implements SectionRule {
    protected final SectionSpan span;

    SectionItemsRule(Pattern section) {
        this.span = new SectionSpan(section);
    }

    @Override
    public void heading(ParseContext cx, Heading h, String raw, String title) {
        span.at(h, title);
    }

    @Override
    public boolean listItem(ParseContext cx, ListItem item, String text, int line, boolean topLevel) {
        if (span.open() && topLevel) {
            item(cx, item, text, line);
        }
        return false;
    }

    /** A top-level list item of the open section: {@code text} its plain text, {@code line} where it starts. */
    abstract void item(ParseContext cx, ListItem item, String text, int line);
}
