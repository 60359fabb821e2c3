package no.ks.led.scheduling.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Something about an activity's time the coordinator should see and confirm: a public holiday, a school-free
 * day, an exam period, a thin horizon, or a paid speaker without approved funding.
 *
 * @param date the day it concerns, or null
 * @param name what it is (the holiday's or period's name), or null
 * @param confirmedBy who confirmed it for the activity's current time, or null while unconfirmed
 */
public record Warning(String code, LocalDate date, String name, boolean confirmed, UUID confirmedBy, Instant confirmedAt) {

    public static final String PUBLIC_HOLIDAY = "public-holiday";
    public static final String SCHOOL_FREE_DAY = "school-free-day";
    public static final String EXAM_PERIOD = "exam-period";
    public static final String HORIZON = "horizon";
    public static final String UNFUNDED_PAID_SPEAKER = "unfunded-paid-speaker";

    public static Warning of(String code, LocalDate date, String name) {
        return new Warning(code, date, name, false, null, null);
    }

    public Warning confirmedBy(UUID person, Instant at) {
        return new Warning(code, date, name, true, person, at);
    }
}
