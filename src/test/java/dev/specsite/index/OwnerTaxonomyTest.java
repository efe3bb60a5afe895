package dev.specsite.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.specsite.TestSites;
import dev.specsite.site.BuildListener;
import dev.specsite.site.BuildResult;
import dev.specsite.site.SiteBuilder;

/**
 * The owner taxonomy groups by person: spellings of the same words are one owner page without a
 * people file, a first name and a full name are two until a people file joins them, and the people
 * file's name and profile are what the owner page shows.
 */
class OwnerTaxonomyTest {

    @TempDir
    Path tmp;

    /** Specs owned as written here, in inline-site form, each its own file. */
    private static String site(String... owners) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < owners.length; i++) {
            sb.append("-- s").append(i + 1).append(".md --\n---\nid: SPEC-").append(i + 1).append("\nstatus: draft\nowners: [")
                    .append(owners[i]).append("]\n---\n# Spec ").append(i + 1).append("\n\nText.\n");
        }
        return sb.toString();
    }

    private BuildResult build(String site) throws IOException {
        Path src = TestSites.write(tmp.resolve("src"), site);
        return new SiteBuilder(TestSites.config(src, tmp.resolve("out")), BuildListener.SILENT, false).build(true);
    }

    private static List<String> labels(BuildResult r) {
        return r.index().owners().stream().map(t -> t.label() + " " + t.count()).toList();
    }

    @Test
    void spellingsOfTheSameWordsAreOnePerson() throws IOException {
        BuildResult r = build(site("li.wei", "Li Wei", "'@LI_WEI'", "li-wei, Li Wei", "liwei"));
        assertEquals(List.of("Li Wei 4", "liwei 1"), labels(r), "liwei is other words: not joined");
        Term li = r.index().owners().get(0);
        assertEquals("li-wei", li.slug());
        assertEquals(List.of("Li Wei", "LI_WEI", "li-wei", "li.wei"), li.spellings(), "the most used first, then in text order");
        assertEquals(List.of("SPEC-1", "SPEC-2", "SPEC-3", "SPEC-4"), li.specs().stream().map(s -> s.id()).toList(),
                "a spec naming the person twice is listed once");
        assertTrue(Files.isRegularFile(tmp.resolve("out/owners/li-wei.html")));
        assertFalse(Files.exists(tmp.resolve("out/owners/li.wei.html")), "one page per person");
    }

    @Test
    void aFirstNameAndAFullNameAreTwoPeopleWithoutAPeopleFile() throws IOException {
        BuildResult r = build(site("sam", "Sam Okafor", "'@sam'", "tobias", "Tobias Brandt"));
        assertEquals(List.of("sam 2", "Sam Okafor 1", "tobias 1", "Tobias Brandt 1"), labels(r));
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.code().startsWith("people-")), r.diagnostics().toString());
    }

    @Test
    void thePeopleFileJoinsAliasesAndGivesANameAndAProfile() throws IOException {
        BuildResult r = build(site("sam", "Sam Okafor", "'@sam'", "sokafor", "tobias") + """
                -- people.yaml --
                - handle: sam
                  name: Sam Okafor
                  aliases: [sokafor]
                  url: https://example.org/people/sam
                - handle: tobias
                  url: "javascript:alert(1)"
                """);
        assertEquals(List.of("Sam Okafor 4", "tobias 1"), labels(r));
        Term sam = r.index().owners().get(0);
        assertEquals("sam", sam.slug());
        assertEquals("https://example.org/people/sam", sam.url());
        assertNull(r.index().owners().get(1).url(), "an unsafe URL is left out");
        assertEquals(List.of("people.yaml:6:8: warning: the url of 'tobias' is not an http: or https: URL"
                + " ('javascript:alert(1)'); it is ignored [people-unsafe-url]"),
                r.diagnostics().stream().filter(d -> d.code().startsWith("people")).map(d -> d.format()).toList());

        Document page = Jsoup.parse(tmp.resolve("out/owners/sam.html").toFile(), "UTF-8");
        assertEquals("Sam Okafor 4 specs", page.selectFirst("h1").text());
        assertEquals("https://example.org/people/sam", page.selectFirst(".person a[href]").attr("href"));
        assertEquals(List.of("sam", "Sam Okafor", "sokafor"), page.select(".person q").eachText());
        assertEquals(4, page.select("table.specs tbody tr").size());
        Document tobias = Jsoup.parse(tmp.resolve("out/owners/tobias.html").toFile(), "UTF-8");
        assertTrue(tobias.select("a[href^=javascript]").isEmpty());
        assertTrue(tobias.select(".person").isEmpty(), "no profile, one spelling: nothing to add");

        JsonNode api = new ObjectMapper().readTree(tmp.resolve("out/api/specs.json").toFile());
        List<String> owners = new ArrayList<>();
        api.get("specs").forEach(s -> owners.add(s.get("owners").get(0).asText() + "→" + s.get("ownerIds").get(0).asText()));
        assertEquals(List.of("sam→sam", "Sam Okafor→sam", "sam→sam", "sokafor→sam", "tobias→tobias"), owners,
                "owners as written, beside the person they are");
        JsonNode person = api.get("people").get(0);
        assertEquals("sam", person.get("id").asText());
        assertEquals("Sam Okafor", person.get("name").asText());
        assertEquals("https://example.org/people/sam", person.get("url").asText());
        assertEquals("owners/sam.html", person.get("page").asText());
        assertEquals(4, person.get("specs").asInt());
    }

    @Test
    void aMalformedPeopleFileIsADiagnosticAndTheBuildGoesOn() throws IOException {
        BuildResult r = build(site("sam", "Sam Okafor") + "-- people.yaml --\n- handle: sam\n  name: [Sam\n");
        assertEquals(List.of("sam 1", "Sam Okafor 1"), labels(r), "the automatic rules alone");
        assertEquals(List.of("people-syntax"), r.diagnostics().stream().map(d -> d.code())
                .filter(c -> c.startsWith("people")).toList());
        assertTrue(Jsoup.parse(tmp.resolve("out/problems.html").toFile(), "UTF-8").text().contains("people.yaml"),
                "shown on the problems page");
    }

    @Test
    void theSameInputGivesTheSameSiteWhateverTheOrderOfTheFile() throws IOException {
        String specs = site("ann", "Bo Li", "bo.li", "Ann", "zoë", "Zoë");
        BuildResult a = build(specs + "-- people.yaml --\n- handle: ann\n  name: Ann A\n- handle: zoe\n  aliases: [zoë]\n");
        byte[] owners = Files.readAllBytes(tmp.resolve("out/owners.html"));
        byte[] json = Files.readAllBytes(tmp.resolve("out/api/specs.json"));
        deleteTree(tmp.resolve("out"));
        deleteTree(tmp.resolve("src"));
        BuildResult b = build(specs + "-- people.yaml --\n- handle: zoe\n  aliases: [zoë]\n- handle: ann\n  name: Ann A\n");
        assertEquals(labels(a), labels(b));
        assertEquals(new String(owners, "UTF-8"), Files.readString(tmp.resolve("out/owners.html")));
        assertEquals(new String(json, "UTF-8"), Files.readString(tmp.resolve("out/api/specs.json")));
    }

    private static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
