package dev.specsite.link;

/**
 * What the link stage made of one link or mention placeholder of a spec's body, or of one relative
 * {@code href}/{@code src} of its raw HTML: data, not markup. The render stage writes the tag
 * ({@code render/BodyHtml}), with URLs relative to the page it writes.
 */
public sealed interface Resolved {

    /**
     * A spec's page.
     *
     * @param id     the spec's id
     * @param anchor the anchor on its page, or {@code null}
     * @param title  the spec's title, shown on a mention; {@code null} for a link
     */
    record ToSpec(String id, String anchor, String title) implements Resolved {
    }

    /** An anchor of the page itself ({@code #fragment}; empty for {@code #}). */
    record SamePage(String fragment) implements Resolved {
    }

    /**
     * A file of the source tree copied into the site.
     *
     * @param path     its source path
     * @param fragment the fragment after it, or {@code null}
     */
    record ToFile(String path, String fragment) implements Resolved {
    }

    /** A URL outside the site, written as it is. */
    record External(String url) implements Resolved {
    }

    /** A link target that does not resolve ({@code written}: the target as written). */
    record Broken(Reason reason, String written) implements Resolved {
        /** Why. */
        public enum Reason {
            /** it climbs above the source folder */
            OUTSIDE,
            /** no such file, spec or folder */
            MISSING
        }
    }

    /** A mention of an id or number that no spec has, with a known prefix or number word. */
    record Unknown(Kind kind) implements Resolved {
        /** What was mentioned. */
        public enum Kind {
            /** an id ({@code SPEC-9}) */
            ID,
            /** a number ({@code RFC 12}) */
            NUMBER
        }
    }

    /** A mention that stays plain text. */
    record Plain() implements Resolved {
        /** The one value. */
        public static final Plain TEXT = new Plain();
    }
}
