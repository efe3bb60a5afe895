package dev.specsite.parse;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.specsite.config.SiteConfig;

/**
 * Which {@code key: value} lines of an Approvals section are sign-offs rather than prose: a role
 * of at most six words that is not a sentence ({@code Note}, {@code See}, a wrapped line ending in
 * "running concurrently:"), and either a name or a recognised state after it, or a known role word in
 * it (then an empty value is a sign-off still missing). Outside such a section, a list item is a
 * sign-off only when both hold strictly: its role has a known role word and its value is a recognised
 * state, alone or beside a name ({@code - Security Lead: Ann Lee (approved)}, {@code - QA sign-off:
 * pending}, {@code - Legal: approved by Sam}); {@code - Security: no known issues} stays prose. The
 * role words are configurable ({@code specsite.signoff.roles}, comma-separated, replacing the defaults).
 */
final class SignOffLines {

    /** The configuration key of the role words. */
    static final String ROLES_KEY = "specsite.signoff.roles";

    private static final Set<String> DEFAULT_ROLES = Set.of("lead", "leads", "owner", "owners", "manager", "director",
            "architect", "architecture", "engineering", "engineer", "product", "security", "privacy", "legal",
            "compliance", "qa", "quality", "test", "testing", "design", "designer", "ux", "ops", "operations", "sre",
            "infrastructure", "platform", "data", "reviewer", "reviewers", "approver", "approvers", "stakeholder",
            "sponsor", "pm", "em", "tl", "cto", "ceo", "cio", "vp", "head", "chair", "maintainer", "maintainers",
            "committer", "team", "finance", "support", "docs", "documentation", "release", "accessibility", "a11y",
            "tech", "technical", "program", "project", "steering", "committee", "board", "council", "sign-off",
            "signoff", "approval", "approved");

    /** Keys that introduce prose, never a role. */
    private static final Set<String> PROSE_KEYS = Set.of("note", "notes", "nb", "n.b", "example", "examples", "e.g",
            "eg", "i.e", "see", "see also", "tbd", "todo", "update", "updates", "warning", "caution", "important",
            "summary", "context", "background", "why", "how", "what", "when", "where", "who", "question", "answer",
            "q", "a", "edit", "edited", "disclaimer", "tip", "hint", "result", "results", "reason", "because", "date",
            "dates", "dated", "version", "revision", "last updated", "updated", "deadline", "due", "link", "links");

    /** A state as a sign-off writes it, for lines outside a sign-off section. */
    private static final String STATE = "(?:approved|signed(?:[- ]off)?|lgtm|accepted|rejected|declined|pending|awaiting(?: review| approval)?"
            + "|requested|not yet (?:approved|signed)|\u2705|\u274c|\u23f3|\u2714\ufe0f?|\u2717)";

    /** A name: one to four words, none ending a sentence. */
    private static final String NAME = "@?[\\p{L}][\\p{L}\\p{N}'._-]*(?:\\s+@?[\\p{L}][\\p{L}\\p{N}'._-]*){0,3}";

    /** A date or a short note after a state: "approved 2026-03-04", "approved (2026-03-04)". */
    private static final String AFTER = "(?:\\s*[(,]?\\s*(?:on\\s+)?\\d{4}-\\d{2}-\\d{2}\\)?)?";

    private static final Pattern STRICT_VALUE = Pattern.compile("(?iu)"
            + STATE + AFTER // "approved", "approved 2026-03-04"
            + "|" + STATE + "\\s+by\\s+" + NAME + AFTER // "approved by Ann Lee"
            + "|" + NAME + "\\s*(?:\\(\\s*" + STATE + AFTER + "\\s*\\)|[-\u2013\u2014,]\\s*" + STATE + AFTER + ")" // "Ann Lee (approved)"
            + "|(?:\u2705|\u274c|\u23f3|\u2714\ufe0f?|\u2717)\\s*[-\u2013\u2014,:]?\\s*" + NAME); // "✅ Ann Lee"

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'._&/-]*");

    private final Set<String> roles;

    private SignOffLines(Set<String> roles) {
        this.roles = roles;
    }

    static SignOffLines of(SiteConfig config) {
        String v = config.values().get(ROLES_KEY);
        if (v == null || v.isBlank()) {
            return new SignOffLines(DEFAULT_ROLES);
        }
        return new SignOffLines(Arrays.stream(v.split(",")).map(w -> w.strip().toLowerCase(Locale.ROOT))
                .filter(w -> !w.isEmpty()).collect(Collectors.toUnmodifiableSet()));
    }

    /** Whether a list item's pair outside an Approvals section is a sign-off: a role word, and a state as the value. */
    boolean isSignOffOutside(KeyValue kv) {
        String role = Values.plain(kv.key()).strip();
        String lower = role.toLowerCase(Locale.ROOT);
        if (role.isEmpty() || PROSE_KEYS.contains(lower)) {
            return false;
        }
        String[] words = lower.split("\\s+");
        if (words.length > 4 || !WORD.matcher(words[0]).matches() || !hasRoleWord(words)) {
            return false;
        }
        return STRICT_VALUE.matcher(Values.plain(kv.value()).strip()).matches();
    }

    private boolean hasRoleWord(String[] words) {
        for (String w : words) {
            if (roles.contains(w.replaceAll("[()'.]", ""))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a pair of an Approvals section's paragraph is a sign-off. */
    boolean isSignOff(KeyValue kv) {
        String role = Values.plain(kv.key()).strip();
        String lower = role.toLowerCase(Locale.ROOT);
        if (role.isEmpty() || PROSE_KEYS.contains(lower)) {
            return false;
        }
        String[] words = lower.split("\\s+");
        if (words.length > 6 || !WORD.matcher(words[0]).matches()) {
            return false;
        }
        boolean roleWord = hasRoleWord(words);
        String value = Values.plain(kv.value()).strip();
        if (value.isEmpty()) {
            return roleWord || kv.bold(); // "**Security Lead**:" still to sign; "concurrently:" is prose
        }
        boolean state = ApprovalRule.state(value) != null;
        if (roleWord || state) {
            return true;
        }
        // a role not in the list: role-shaped (capitalised, a few words) and a name-shaped value
        boolean capitalised = Character.isUpperCase(role.codePointAt(0)) || kv.bold();
        return capitalised && words.length <= 4 && value.split("\\s+").length <= 5 && !value.endsWith(".");
    }
}
