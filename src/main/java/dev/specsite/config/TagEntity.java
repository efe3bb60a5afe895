package dev.specsite.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tagging entity of the site's {@code tag:} URIs (RFC 4151), {@code authority,date}: who mints the
 * ids of the feed's entries, and a date on which they held that name. Taken from
 * {@code specsite.site-id} when it is set (checked by {@link #problem}); else the host of
 * {@code site.host} with {@link #DEFAULT_DATE}; else {@link #NO_AUTHORITY}, a name nobody holds (a
 * site without a host is not published, and its ids are unique within it only).
 * <p>
 * The date is fixed by the configuration, never taken from the specs or their history, so that an id
 * stays the same when a spec's file, dates or page move, and when a shallow clone or an edited date
 * changes what the history shows.
 *
 * @param authority a DNS name or an e-mail address, its domain in lower case
 * @param date      {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}
 */
public record TagEntity(String authority, String date) {

    /** The configuration key. */
    public static final String KEY = "specsite.site-id";
    /** The date of a tagging entity made from {@code site.host}: the year specsite began minting tag ids. */
    public static final String DEFAULT_DATE = "2026";
    /** The authority of a site with neither {@code specsite.site-id} nor {@code site.host} (RFC 2606: reserved). */
    public static final String NO_AUTHORITY = "specsite.invalid";

    private static final String DNS_COMP = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final Pattern DNS_NAME = Pattern.compile(DNS_COMP + "(?:\\." + DNS_COMP + ")*");
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._-]+)@(.+)");
    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    /** The site's tagging entity (see the class comment); {@code specsite.site-id} is one {@link #problem} accepted. */
    public static TagEntity of(SiteConfig config) {
        String id = config.values().getOrDefault(KEY, "").strip();
        if (!id.isEmpty() && problem(id) == null) {
            return parse(id);
        }
        String host = host(config.siteHost());
        return new TagEntity(host != null ? host : NO_AUTHORITY, DEFAULT_DATE);
    }

    /** A value {@link #problem} accepted, with its domain in lower case. */
    static TagEntity parse(String value) {
        String v = value.strip();
        int comma = v.lastIndexOf(',');
        String authority = v.substring(0, comma);
        int at = authority.indexOf('@');
        authority = at < 0 ? authority.toLowerCase(Locale.ROOT)
                : authority.substring(0, at + 1) + authority.substring(at + 1).toLowerCase(Locale.ROOT);
        return new TagEntity(authority, v.substring(comma + 1));
    }

    /**
     * Why a value of {@code specsite.site-id} is not a tagging entity, or {@code null} when it is one:
     * {@code authority,date}, the authority a DNS name or an e-mail address, the date a real one of the
     * form {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}.
     */
    public static String problem(String value) {
        String v = value.strip();
        int comma = v.lastIndexOf(',');
        if (comma < 0) {
            return "it has no date (write the authority, a comma and a date)";
        }
        String authority = v.substring(0, comma);
        String date = v.substring(comma + 1);
        if (authority.isEmpty()) {
            return "it has no authority before the comma";
        }
        if (authority.length() > 253) {
            return "its authority is longer than 253 characters";
        }
        Matcher email = EMAIL.matcher(authority);
        String domain = email.matches() ? email.group(2) : authority;
        if (!DNS_NAME.matcher(domain).matches()) {
            return "'" + ConfigGuard.printable(authority) + "' is neither a DNS name nor an e-mail address";
        }
        Matcher d = DATE.matcher(date);
        if (!d.matches()) {
            return "'" + ConfigGuard.printable(date) + "' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD";
        }
        int month = d.group(2) == null ? 1 : Integer.parseInt(d.group(2));
        int day = d.group(3) == null ? 1 : Integer.parseInt(d.group(3));
        try {
            java.time.LocalDate.of(Integer.parseInt(d.group(1)), month, day);
        } catch (java.time.DateTimeException e) {
            return "'" + date + "' is not a date of the calendar";
        }
        return null;
    }

    /** The host of a site URL in lower case when it is a DNS name (not an IPv6 address), else {@code null}. */
    static String host(String siteHost) {
        if (siteHost == null || siteHost.isEmpty()) {
            return null;
        }
        try {
            String host = new URI(siteHost).getHost();
            if (host == null) {
                return null;
            }
            host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            return DNS_NAME.matcher(host).matches() && host.length() <= 253 ? host.toLowerCase(Locale.ROOT) : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The tag URI of a specific name within this entity's: {@code tag:authority,date:specific}. */
    public String uri(String specific) {
        return "tag:" + authority + "," + date + ":" + specific;
    }

    /** The first instant of the date, in UTC: {@code 2026} is {@code 2026-01-01T00:00:00Z}. */
    public String firstInstant() {
        String full = date.length() == 4 ? date + "-01-01" : date.length() == 7 ? date + "-01" : date;
        return full + "T00:00:00Z";
    }
}
