package dev.specsite.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.specsite.TestSites;

class AuthorAnchorsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            intro                  | intro
            layout_unspecified     | layout_unspecified
            fn:1                   | fn:1
            section-1.2            | section-1.2
            '  padded  '           | padded
            my anchor              | my%20anchor
            a%20b                  | a%20b
            100%                   | 100%25
            x"y                    | x%22y
            <b>                    | %3Cb%3E
            a&b                    | a%26b
            über                   | über
            😄                     | %F0%9F%98%84
            javascript:alert(1)    | javascript:alert%281%29
            """)
    void valuesAreMadeSafe(String value, String safe) {
        assertEquals(safe, AuthorAnchors.safe(value));
    }

    @Test
    void theDefaultThemesIdsAroundTheBodyAreReserved() throws IOException {
        Pattern literalId = Pattern.compile("\\bid=\"([a-z][a-z-]*)\"");
        Set<String> found = new TreeSet<>();
        for (String t : new String[] {"spec.ftlh", "layout.ftlh"}) {
            Matcher m = literalId.matcher(Files.readString(TestSites.projectRoot().resolve("themes/default/templates/" + t)));
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        assertTrue(found.size() >= 10, found.toString());
        assertEquals(found, new TreeSet<>(AuthorAnchors.PAGE_IDS));
    }
}
