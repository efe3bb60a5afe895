package dev.specsite.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The index reads ISO dates by hand in their common shape: the same days as {@link LocalDate#parse}, the same rejections. */
class IsoDaysTest {

    @Test
    void daysAreThoseOfLocalDate() {
        for (String d : new String[] {"2026-11-22", "1970-01-01", "1969-12-31", "0000-01-01", "2024-02-29", "9999-12-31",
            "+10000-01-01", "-0001-06-15"}) {
            assertEquals(LocalDate.parse(d).toEpochDay(), IsoDays.day(d), d);
        }
    }

    @Test
    void impossibleDatesAreRejected() {
        for (String d : new String[] {"2026-02-29", "2026-13-01", "2026-00-10", "2026-1-1", "2026/01/01", "20x6-01-01", ""}) {
            assertThrows(DateTimeException.class, () -> LocalDate.parse(d), d);
            assertThrows(DateTimeException.class, () -> IsoDays.day(d), d);
        }
    }
}
