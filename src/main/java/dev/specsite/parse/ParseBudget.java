package dev.specsite.parse;

/**
 * The time one spec may take to parse ({@code specsite.parse.budget-ms}). flexmark cannot be
 * interrupted, so the text is handed to it, and to the regular expressions run over it, through
 * {@link #guard}: a {@link CharSequence} that reads the clock once every {@value #STEP} characters
 * read and throws {@link Exceeded} past the deadline. flexmark 0.64.8 keeps reading through it
 * ({@code BasedSequence.of} wraps a sequence and does not copy it), so the parse stops on the thread
 * that runs it, and no thread is left working. One budget serves one parse, on one thread.
 */
final class ParseBudget {

    /** Characters read between two looks at the clock (a look costs about 20 ns). */
    static final int STEP = 4096;

    private final long deadline;
    private final long millis;
    private int countdown = STEP;

    /** A budget of {@code millis} milliseconds from now. */
    ParseBudget(long millis) {
        this.millis = millis;
        this.deadline = System.nanoTime() + millis * 1_000_000L;
    }

    long millis() {
        return millis;
    }

    /** The text, read under this budget. */
    CharSequence guard(CharSequence text) {
        return new Guarded(text);
    }

    /** Throws {@link Exceeded} when the deadline has passed. */
    void check() {
        if (System.nanoTime() - deadline > 0) {
            throw new Exceeded(millis);
        }
    }

    private void tick() {
        if (--countdown <= 0) {
            countdown = STEP;
            check();
        }
    }

    /** The parse went past its budget. Carries no stack trace: it is an outcome, not a bug. */
    static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exceeded(long millis) {
            super("parsing took longer than " + millis + " ms", null, false, false);
        }
    }

    /** A sequence whose reads count against the budget. */
    final class Guarded implements CharSequence {
        private final CharSequence text;

        private Guarded(CharSequence text) {
            this.text = text;
        }

        /** The sequence read, for a copy that need not go through the guard. */
        CharSequence text() {
            return text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            tick();
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            check();
            return new Guarded(text.subSequence(start, end));
        }

        @Override
        public String toString() {
            check();
            return text.toString();
        }
    }
}
