package no.ks.led.scheduling.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes RFC 5545 iCalendar text: the calendar feeds (no METHOD, with REFRESH-INTERVAL and X-PUBLISHED-TTL)
 * and the e-mailed invitations and cancellations (METHOD:REQUEST / CANCEL). Times are local with a TZID, and
 * every TZID used has its VTIMEZONE ({@link VTimeZones}) under the identical TZID.
 */
public final class ICalendar {

    /** How often a subscribed calendar should fetch the feed again. */
    public static final String REFRESH = "PT1H";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** One activity as a VEVENT. */
    public record Event(String uid, int sequence, boolean cancelled, String summary, String location,
            Instant startsAt, Instant endsAt, ZoneId zone, Instant created, Instant lastModified) {
    }

    /** Who an invitation is from and to. */
    public record Invitation(String organizerEmail, String attendeeName, String attendeeEmail) {
    }

    private ICalendar() {
    }

    /** A subscribable feed: no METHOD (RFC 5545 3.7.2 ties METHOD to iTIP), cancelled events kept as such. */
    public static String feed(String name, List<Event> events) {
        StringBuilder out = new StringBuilder();
        begin(out, null);
        line(out, "X-WR-CALNAME:" + text(name));
        line(out, "REFRESH-INTERVAL;VALUE=DURATION:" + REFRESH);
        line(out, "X-PUBLISHED-TTL:" + REFRESH);
        body(out, events, null);
        return out.toString();
    }

    /** An iTIP message (RFC 5546) for one attendee: METHOD:REQUEST for an invitation or change, CANCEL for a cancellation. */
    public static String message(Event event, Invitation invitation) {
        StringBuilder out = new StringBuilder();
        begin(out, event.cancelled() ? "CANCEL" : "REQUEST");
        body(out, List.of(event), invitation);
        return out.toString();
    }

    private static void begin(StringBuilder out, String method) {
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//KS//Led scheduling//NO");
        line(out, "CALSCALE:GREGORIAN");
        if (method != null) {
            line(out, "METHOD:" + method);
        }
    }

    private static void body(StringBuilder out, List<Event> events, Invitation invitation) {
        Set<ZoneId> zones = new LinkedHashSet<>();
        events.forEach(e -> zones.add(e.zone()));
        zones.forEach(zone -> VTimeZones.write(zone).forEach(l -> line(out, l)));
        for (Event e : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + e.uid());
            line(out, "SEQUENCE:" + e.sequence());
            line(out, "DTSTAMP:" + UTC.format(e.lastModified()));
            line(out, "CREATED:" + UTC.format(e.created()));
            line(out, "LAST-MODIFIED:" + UTC.format(e.lastModified()));
            line(out, "DTSTART;TZID=" + e.zone().getId() + ":" + LOCAL.format(LocalDateTime.ofInstant(e.startsAt(), e.zone())));
            line(out, "DTEND;TZID=" + e.zone().getId() + ":" + LOCAL.format(LocalDateTime.ofInstant(e.endsAt(), e.zone())));
            line(out, "SUMMARY:" + text(e.summary()));
            if (e.location() != null && !e.location().isBlank()) {
                line(out, "LOCATION:" + text(e.location()));
            }
            line(out, "STATUS:" + (e.cancelled() ? "CANCELLED" : "CONFIRMED"));
            line(out, "TRANSP:OPAQUE");
            if (invitation != null) {
                line(out, "ORGANIZER:mailto:" + invitation.organizerEmail());
                line(out, "ATTENDEE;CN=" + param(invitation.attendeeName())
                        + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:" + invitation.attendeeEmail());
            }
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
    }

    /** TEXT value escaping (RFC 5545 3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    private static String param(String value) {
        return "\"" + value.replace("\"", "'").replaceAll("[\\r\\n]", " ") + "\"";
    }

    /** Appends a content line, folded at 75 octets (never inside a UTF-8 sequence), ending in CRLF. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
