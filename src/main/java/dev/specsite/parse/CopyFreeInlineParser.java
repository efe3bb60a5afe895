package dev.specsite.parse;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * flexmark's inline parser, with the two methods that match a regular expression at the current
 * position rewritten to give the same results without {@link Matcher#toMatchResult()}: that call
 * copies the whole input (the paragraph), so every inline HTML tag, entity or link destination
 * matched cost time proportional to the paragraph's length, and a paragraph of {@code <a>} tags
 * time quadratic in its size.
 */
final class CopyFreeInlineParser extends InlineParserImpl {

    /**
     * A parser builder using this inline parser. flexmark adds its reference-definition
     * pre-processor only when the inline parser is its own, so it is added here.
     */
    static Parser.Builder builder(DataHolder options) {
        return Parser.builder(options).customInlineParserFactory(CopyFreeInlineParser::new)
                .paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
    }

    CopyFreeInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                         Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData referenceLinkProcessors,
                         List<InlineParserExtensionFactory> inlineParserExtensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, referenceLinkProcessors,
                inlineParserExtensions);
    }

    @Override
    public BasedSequence match(Pattern re) {
        Matcher m = find(re);
        if (m == null) {
            return null;
        }
        index = m.end();
        return input.subSequence(m.start(), m.end());
    }

    @Override
    public BasedSequence[] matchWithGroups(Pattern re) {
        Matcher m = find(re);
        if (m == null) {
            return null;
        }
        index = m.end();
        BasedSequence[] groups = new BasedSequence[m.groupCount() + 1];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = m.start(i) < 0 ? null : input.subSequence(m.start(i), m.end(i));
        }
        return groups;
    }

    /** The matcher of the next match of {@code re} from the current position, or null. */
    private Matcher find(Pattern re) {
        if (index >= input.length()) {
            return null;
        }
        Matcher m = re.matcher(input);
        m.region(index, input.length());
        return m.find() ? m : null;
    }
}
