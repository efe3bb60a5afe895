package dev.specsite.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who an owner is: the rules that take the names owners are written as to one person. Immutable.
 * <p>
 * Automatically, two spellings are one person when they are the same words, ignoring case, a
 * leading {@code @} and the separators {@code .}, {@code _}, {@code -} and blanks: {@code li.wei},
 * {@code @Li_Wei} and {@code Li Wei} are one person; {@code liwei} and {@code Li Wei} are not (the
 * words differ), nor are {@code sam} and {@code Sam Okafor}. Beyond that, the people file
 * ({@link PeopleFile}) joins spellings: each person's handle, name and aliases, compared by the same
 * rule, mean that person.
 */
public final class People {

    /** No people file: the automatic rule only. */
    public static final People NONE = new People(List.of());

    private static final Pattern SEPARATORS = Pattern.compile("[\\s._\\-]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PLAIN = Pattern.compile("[a-z0-9]+(?: [a-z0-9]+)*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ASCII_WORD = Pattern.compile("[^a-z0-9]+");
    private static final int PLAIN_CHARS = 60;
    private static final int SLUG_CHARS = 40;

    private final List<Person> persons;
    /** Key of a handle, name or alias → the person, the first entry claiming a key winning. */
    private final Map<String, Person> byKey;

    private People(List<Person> persons) {
        this.persons = List.copyOf(persons);
        Map<String, Person> m = new HashMap<>();
        for (Person p : this.persons) {
            m.putIfAbsent(key(p.handle()), p);
        }
        for (Person p : this.persons) {
            if (p.name() != null) {
                m.putIfAbsent(key(p.name()), p);
            }
            for (String a : p.aliases()) {
                m.putIfAbsent(key(a), p);
            }
        }
        this.byKey = Map.copyOf(m);
    }

    /** The directory of these people, in the file's order; of two claiming one spelling, the first has it. */
    public static People of(List<Person> persons) {
        return persons.isEmpty() ? NONE : new People(persons);
    }

    /** The people of the file, in its order. */
    public List<Person> persons() {
        return persons;
    }

    /**
     * Who an owner written so is.
     *
     * @param key  the person's key: the handle's for a person of the file, else the owner's own ({@link #key})
     * @param slug the file-name-safe form of the key, one per key ({@link #slug})
     * @param name the display name the file gives, or {@code null}
     * @param url  the profile URL the file gives, or {@code null}
     */
    public record Who(String key, String slug, String name, String url) {
    }

    /** The person an owner written so is. */
    public Who who(String written) {
        String k = key(written);
        Person p = byKey.get(k);
        if (p == null) {
            return new Who(k, slug(k), null, null);
        }
        String pk = key(p.handle());
        return new Who(pk, slug(pk), p.name(), p.url());
    }

    /** The person of the file that a key means, or {@code null}. */
    Person claimant(String key) {
        return byKey.get(key);
    }

    /**
     * The form two spellings of one person share: its words, lower-cased in the root locale (NFC),
     * without a leading {@code @}, separated by one blank. A spelling without words (only
     * separators) is its own key.
     */
    public static String key(String written) {
        String s = Normalizer.normalize(written, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
        String t = s.startsWith("@") ? s.substring(1) : s;
        StringBuilder sb = new StringBuilder(t.length());
        for (String w : SEPARATORS.split(t)) {
            if (!w.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " ").append(w);
            }
        }
        return sb.length() == 0 ? s : sb.toString();
    }

    /**
     * The file-name-safe form of a key, different for different keys: the words joined with
     * {@code -} when they are ASCII letters and digits ({@code li-wei}), 60 characters at most; else
     * the first 40 characters of them that are ASCII (accents dropped), then a short hash of the key
     * ({@code jose-muller-3f2a9c1b}).
     */
    public static String slug(String key) {
        if (key.length() <= PLAIN_CHARS && PLAIN.matcher(key).matches()) {
            return key.replace(' ', '-');
        }
        String ascii = NOT_ASCII_WORD.matcher(MARKS.matcher(Normalizer.normalize(key, Normalizer.Form.NFD)).replaceAll(""))
                .replaceAll("-");
        ascii = ascii.substring(0, Math.min(ascii.length(), SLUG_CHARS)).replaceAll("^-+|-+$", "");
        String hash = hash(key);
        return ascii.isEmpty() ? hash : ascii + "-" + hash;
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof People p && p.persons.equals(persons);
    }

    @Override
    public int hashCode() {
        return persons.hashCode();
    }

    @Override
    public String toString() {
        return "People" + persons;
    }
}
