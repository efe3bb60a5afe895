package dev.specsite.index;

import java.time.LocalDate;

/** Days of ISO dates, for ages (staleness, the age of open questions). */
public final class IsoDays {

    private IsoDays() {
    }

    /**
     * The epoch day of an ISO date ({@code 2026-11-22}), for ages in days (staleness here, the age of
     * open questions in the questions page): read by hand in the common shape, which costs a fraction
     * of {@link LocalDate#parse}; anything else goes through it. A date either way rejects is rejected
     * alike.
     */
    public static long day(String iso) {
        if (iso.length() == 10 && iso.charAt(4) == '-' && iso.charAt(7) == '-') {
            int y = digits(iso, 0, 4);
            int m = digits(iso, 5, 7);
            int d = digits(iso, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                return LocalDate.of(y, m, d).toEpochDay();
            }
        }
        return LocalDate.parse(iso).toEpochDay();
    }

    /** The number the ASCII digits of {@code s[from, to)} write, or -1 when another character is there. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
