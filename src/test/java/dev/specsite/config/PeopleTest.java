package dev.specsite.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who an owner is: spellings of the same words are one person without a people file; different
 * words never are, however alike; a people file joins spellings through handles, names and aliases.
 */
class PeopleTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "li.wei        | Li Wei",
            "li_wei        | Li Wei",
            "li-wei        | LI WEI",
            "@li.wei       | Li Wei",
            "'  Li  Wei '  | li.wei",
            "Sam Okafor    | sam.okafor",
            "@SAM          | sam",
            "José Müller   | josé.müller",
            "Jose\u0301    | José",          // decomposed and composed é
            "IVANOV        | ivanov",
    })
    void sameWordsAreOnePerson(String a, String b) {
        assertEquals(People.key(a), People.key(b));
        assertEquals(People.NONE.who(a), People.NONE.who(b));
    }

    @ParameterizedTest(name = "{0} ≠ {1}")
    @CsvSource(delimiter = '|', value = {
            "sam           | Sam Okafor",    // a first name alone is not a full name: too risky
            "tobias        | Tobias Brandt",
            "liwei         | Li Wei",        // other words: no separator between them
            "li.wei        | wei.li",        // the order of the words counts
            "J. Smith      | John Smith",
            "ann           | anna",
            "@@sam         | sam",           // one leading @ only
            "o'brien       | o brien",
    })
    void differentWordsAreNotJoinedAutomatically(String a, String b) {
        assertNotEquals(People.key(a), People.key(b));
        assertNotEquals(People.NONE.who(a).slug(), People.NONE.who(b).slug());
    }

    @Test
    void keysAndSlugsDoNotDependOnTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("ivanov", People.key("IVANOV"));
            assertEquals("ivanov", People.slug(People.key("IVANOV")));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void slugsAreFileNameSafeAndOnePerKey() {
        assertEquals("li-wei", People.slug(People.key("Li Wei")));
        assertEquals("mara", People.slug(People.key("@mara")));
        List<String> names = List.of("José Müller", "Jose Muller", "李伟", "王伟", "o'brien", "o brien", "o.brien",
                "\"><img src=x onerror=alert(1)>", "-", "@", "..", "a/b", "a\\b", "x".repeat(300));
        Set<String> keys = new HashSet<>();
        Set<String> slugs = new HashSet<>();
        for (String n : names) {
            String key = People.key(n);
            String slug = People.slug(key);
            assertTrue(slug.matches("[a-z0-9][a-z0-9-]*"), n + " → " + slug);
            assertTrue(slug.length() <= 60, slug);
            if (keys.add(key)) {
                assertTrue(slugs.add(slug), "a second key with the slug " + slug + ": " + n);
            }
        }
        assertEquals("jose-muller", People.slug(People.key("Jose Muller")));
        assertTrue(People.slug(People.key("José Müller")).startsWith("jose-muller-"), "accents dropped, then a hash");
        assertEquals(People.slug(People.key("José Müller")), People.slug(People.key("josé.müller")), "deterministic");
    }

    @Test
    void thePeopleFileJoinsHandlesNamesAndAliases() {
        People people = People.of(List.of(
                new Person("sam", "Sam Okafor", List.of("sokafor", "Samuel O."), "https://example.org/sam", 1),
                new Person("tobias", null, List.of(), null, 5)));
        People.Who sam = people.who("sam");
        assertEquals("sam", sam.slug());
        assertEquals("Sam Okafor", sam.name());
        assertEquals("https://example.org/sam", sam.url());
        for (String spelling : List.of("@sam", "Sam Okafor", "sam.okafor", "SOKAFOR", "samuel o", "Samuel_O.")) {
            assertEquals(sam, people.who(spelling), spelling);
        }
        assertEquals("tobias", people.who("Tobias").slug());
        assertNull(people.who("Tobias").name(), "no name in the file: none invented");
        assertEquals("tobias-brandt", people.who("Tobias Brandt").slug(), "not an alias: another person");
        assertEquals(People.NONE.who("mara"), people.who("mara"), "someone the file does not list");
    }
}
