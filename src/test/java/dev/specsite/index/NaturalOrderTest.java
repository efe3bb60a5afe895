package dev.specsite.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void numbersCompareAsNumbers() {
        List<String> ids = new ArrayList<>(List.of("FEAT-10", "FEAT-2", "FEAT-002", "adr-1", "ADR-01", "SPEC-0", "SPEC-00", "SPEC-9"));
        ids.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("ADR-01", "adr-1", "FEAT-002", "FEAT-2", "FEAT-10", "SPEC-0", "SPEC-00", "SPEC-9"), ids);
    }

    /** The order the comparator had when it stripped zeros with a regular expression. */
    private static int reference(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (c != 0) {
                    return c;
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    @Test
    void agreesWithTheRegularExpressionVersion() {
        String alphabet = "00012789aAbB-_ ٣";
        Random random = new Random(7);
        for (int n = 0; n < 20000; n++) {
            String a = random(random, alphabet);
            String b = random(random, alphabet);
            assertEquals(Integer.signum(reference(a, b)), Integer.signum(NaturalOrder.INSTANCE.compare(a, b)), a + " vs " + b);
        }
        assertTrue(NaturalOrder.INSTANCE.compare("x", "x") == 0);
    }

    private static String random(Random random, String alphabet) {
        StringBuilder sb = new StringBuilder();
        for (int k = random.nextInt(8); k > 0; k--) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
