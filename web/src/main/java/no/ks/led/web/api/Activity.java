package no.ks.led.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** An activity of the tenant's calendar as the API shows it: local times in its zone, its speakers and its warnings. */
@TemplateData
public record Activity(UUID id, String kind, String title, LocalDateTime startsAt, LocalDateTime endsAt, String timeZone,
        String place, String status, int sequence, List<Warning> warnings, String room, String cancelReason,
        String fundingStatus, Integer capacity, LocalDate signUpDeadline, List<BookedSpeaker> speakers) {

    public Activity {
        warnings = warnings == null ? List.of() : warnings;
        speakers = speakers == null ? List.of() : speakers;
    }

    /** A calendar warning of the activity (a holiday, a school-free day, a thin horizon...). */
    @TemplateData
    public record Warning(String code, java.time.LocalDate date, String name, boolean confirmed) {

        public String key() {
            return "warning." + code;
        }
    }

    /** A speaker booked for the activity; tentative until confirmed. */
    @TemplateData
    public record BookedSpeaker(UUID speakerId, String name, String organisation, boolean tentative, boolean confirmed) {
    }

    public boolean cancelled() {
        return "cancelled".equals(status);
    }

    /** Whether it starts and ends on the same local day (then the end is shown as a time only). */
    public boolean sameDay() {
        return startsAt != null && endsAt != null && startsAt.toLocalDate().equals(endsAt.toLocalDate());
    }

    public boolean scheduled() {
        return "scheduled".equals(status);
    }

    /** Whether it has begun (its start, local to its zone, is not in the future). */
    public boolean started() {
        return startsAt != null && timeZone != null && !startsAt.atZone(ZoneId.of(timeZone)).toInstant().isAfter(Instant.now());
    }

    /**
     * Whether it takes sign-ups now, by the scheduling service's rule: scheduled, not begun, and its deadline (a day
     * in its zone) not passed. The page offers the form only then, so nobody fills it in for a refusal.
     */
    public boolean signUpOpen() {
        return scheduled() && startsAt != null && !started()
                && (signUpDeadline == null || !LocalDate.now(ZoneId.of(timeZone)).isAfter(signUpDeadline));
    }

    public String kindKey() {
        return "activity.kind." + kind;
    }

    public String statusKey() {
        return "activity.status." + status;
    }

    public String fundingKey() {
        return "activity.funding." + (fundingStatus == null ? "not-applied" : fundingStatus);
    }
}
