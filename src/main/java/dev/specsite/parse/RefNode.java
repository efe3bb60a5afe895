package dev.specsite.parse;

import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * An id mention found in text ({@code SPEC-042}, {@code FEAT-7#FR-2}). Rendered as a placeholder
 * element that the link stage turns into a link, or back into plain text when the id is unknown.
 */
final class RefNode extends Node implements DoNotDecorate {
    private final int index;

    RefNode(BasedSequence chars, int index) {
        super(chars);
        this.index = index;
    }

    int index() {
        return index;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
