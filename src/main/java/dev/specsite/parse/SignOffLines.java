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
 * it (then an empty value is a sign-off still missing). The role words are configurable
 * ({@code specsite.signoff.roles}, comma-separated, replacing the defaults).
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
        boolean roleWord = false;
        for (String w : words) {
            if (roles.contains(w.replaceAll("[()'.]", ""))) {
                roleWord = true;
            }
        }
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
