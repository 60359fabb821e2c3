package no.ks.led.scheduling.calendar;

import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A VTIMEZONE for a zone under its own TZID, with yearly RRULE rules from the JDK's current transition rules.
 * Written here rather than taken from ical4j 4.4.0, which maps Europe/Oslo to a {@code TZID:Europe/Berlin}
 * definition with RDATEs that Outlook rejects.
 */
public final class VTimeZones {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private VTimeZones() {
    }

    /** The VTIMEZONE's content lines. */
    public static List<String> write(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VTIMEZONE");
        lines.add("TZID:" + zone.getId());
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        if (yearly.isEmpty()) {
            ZoneOffset offset = rules.getOffset(java.time.Instant.now());
            lines.add("BEGIN:STANDARD");
            lines.add("DTSTART:19700101T000000");
            lines.add("TZOFFSETFROM:" + offset(offset));
            lines.add("TZOFFSETTO:" + offset(offset));
            lines.add("END:STANDARD");
        } else {
            for (ZoneOffsetTransitionRule rule : yearly) {
                ZoneOffsetTransition first = rule.createTransition(1970);
                boolean daylight = rule.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds();
                String component = daylight ? "DAYLIGHT" : "STANDARD";
                lines.add("BEGIN:" + component);
                lines.add("DTSTART:" + LOCAL.format(first.getDateTimeBefore()));
                lines.add("TZOFFSETFROM:" + offset(rule.getOffsetBefore()));
                lines.add("TZOFFSETTO:" + offset(rule.getOffsetAfter()));
                lines.add("TZNAME:" + name(zone, daylight, first.getDateTimeAfter()));
                lines.add("RRULE:" + rrule(rule));
                lines.add("END:" + component);
            }
        }
        lines.add("END:VTIMEZONE");
        return lines;
    }

    /** FREQ=YEARLY with the rule's month and weekday: the last one, or the first on or after a day of the month. */
    static String rrule(ZoneOffsetTransitionRule rule) {
        Month month = rule.getMonth();
        int indicator = rule.getDayOfMonthIndicator();
        String day = rule.getDayOfWeek() == null ? null
                : rule.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).substring(0, 2).toUpperCase(Locale.ROOT);
        if (day == null) {
            return "FREQ=YEARLY;BYMONTH=" + month.getValue() + ";BYMONTHDAY=" + indicator;
        }
        if (indicator < 0 || indicator == month.maxLength() - 6) {
            return "FREQ=YEARLY;BYMONTH=" + month.getValue() + ";BYDAY=-1" + day;
        }
        StringBuilder days = new StringBuilder();
        for (int d = indicator; d < indicator + 7; d++) {
            days.append(days.isEmpty() ? "" : ",").append(d);
        }
        return "FREQ=YEARLY;BYMONTH=" + month.getValue() + ";BYDAY=" + day + ";BYMONTHDAY=" + days;
    }

    private static String name(ZoneId zone, boolean daylight, LocalDateTime at) {
        return java.util.TimeZone.getTimeZone(zone).getDisplayName(daylight, java.util.TimeZone.SHORT, Locale.ENGLISH);
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int abs = Math.abs(seconds);
        return String.format(Locale.ROOT, "%s%02d%02d", seconds < 0 ? "-" : "+", abs / 3600, (abs / 60) % 60);
    }
}
