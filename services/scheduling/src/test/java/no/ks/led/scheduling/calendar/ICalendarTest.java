package no.ks.led.scheduling.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The iCalendar text: parsed back with ical4j, every TZID with its own VTIMEZONE (issue 15, check 5). */
class ICalendarTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private static ICalendar.Event event(String uid, LocalDateTime start, ZoneId zone) {
        Instant at = Instant.parse("2026-01-01T10:00:00Z");
        return new ICalendar.Event(uid, 0, false, "Ledersamling, dag 1; \"Hvor er vi?\"", "Rådhuset", start.atZone(zone).toInstant(),
                start.plusHours(6).atZone(zone).toInstant(), zone, at, at);
    }

    @Test
    void theFeedParsesAndItsTimesAreTheLocalTimesInTheirZones() throws Exception {
        String feed = ICalendar.feed("Led", List.of(
                event("a@led", LocalDateTime.of(2026, 3, 27, 9, 0), OSLO),
                event("b@led", LocalDateTime.of(2026, 3, 30, 9, 0), OSLO),
                event("c@led", LocalDateTime.of(2026, 10, 26, 9, 0), OSLO),
                event("d@led", LocalDateTime.of(2026, 3, 30, 9, 0), COPENHAGEN)));
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed));

        assertEquals(Instant.parse("2026-03-27T08:00:00Z"), start(calendar, "a@led"));
        assertEquals(Instant.parse("2026-03-30T07:00:00Z"), start(calendar, "b@led"));
        assertEquals(Instant.parse("2026-10-26T08:00:00Z"), start(calendar, "c@led"));
        assertEquals(Instant.parse("2026-03-30T07:00:00Z"), start(calendar, "d@led"));

        Set<String> tzids = calendar.getComponents(Component.VEVENT).stream()
                .map(e -> ((VEvent) e).getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .collect(Collectors.toSet());
        Set<String> defined = calendar.getComponents(Component.VTIMEZONE).stream()
                .map(z -> z.getProperty(Property.TZID).orElseThrow().getValue()).collect(Collectors.toSet());
        assertEquals(Set.of("Europe/Oslo", "Europe/Copenhagen"), tzids);
        assertEquals(tzids, defined, "every TZID has its VTIMEZONE under the identical TZID");
        assertFalse(feed.contains("RDATE"), "yearly RRULE rules only");
        assertFalse(feed.contains("Europe/Berlin"));
        assertTrue(feed.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
        assertTrue(feed.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"));
        assertFalse(feed.contains("METHOD:"), "a feed carries no METHOD");
        assertTrue(feed.contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"));
        assertTrue(feed.contains("X-PUBLISHED-TTL:PT1H\r\n"));
        assertEquals("Ledersamling, dag 1; \"Hvor er vi?\"", ((VEvent) calendar.getComponents(Component.VEVENT).get(0))
                .getProperty(Property.SUMMARY).orElseThrow().getValue());
    }

    @Test
    void linesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        StringBuilder out = new StringBuilder();
        ICalendar.line(out, "SUMMARY:" + "Skoleledersamling på Ørland ".repeat(8));
        for (String line : out.toString().split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
        }
        assertEquals("SUMMARY:" + "Skoleledersamling på Ørland ".repeat(8), out.toString().replace("\r\n ", "").replaceAll("\r\n$", ""));
    }

    @Test
    void aCancellationIsAnItipCancelAndAnInvitationARequest() throws Exception {
        Instant at = Instant.parse("2026-01-01T10:00:00Z");
        ICalendar.Event cancelled = new ICalendar.Event("x@led", 2, true, "Samling", null,
                Instant.parse("2027-09-15T07:00:00Z"), Instant.parse("2027-09-15T13:00:00Z"), OSLO, at, at);
        ICalendar.Invitation to = new ICalendar.Invitation("ikke-svar@led.localhost", "Kari Nordmann", "kari@example.org");
        String cancel = ICalendar.message(cancelled, to);
        assertTrue(cancel.contains("METHOD:CANCEL\r\n"));
        assertTrue(cancel.contains("STATUS:CANCELLED\r\n"));
        assertTrue(cancel.contains("SEQUENCE:2\r\n"));
        new CalendarBuilder().build(new StringReader(cancel));
        String request = ICalendar.message(event("y@led", LocalDateTime.of(2027, 9, 15, 9, 0), OSLO), to);
        assertTrue(request.contains("METHOD:REQUEST\r\n"));
        assertTrue(request.contains("ATTENDEE;CN=\"Kari Nordmann\""));
    }

    private static Instant start(Calendar calendar, String uid) {
        VEvent event = calendar.getComponents(Component.VEVENT).stream().map(c -> (VEvent) c)
                .filter(e -> e.getProperty(Property.UID).orElseThrow().getValue().equals(uid)).findFirst().orElseThrow();
        Temporal start = event.getDateTimeStart().getDate();
        return Instant.from(start);
    }
}
