package no.ks.led.web.api;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** An event a national operator published for every tenant of the country, as a tenant's people see it. */
@TemplateData
public record NationalEvent(UUID id, String kind, String title, LocalDateTime startsAt, LocalDateTime endsAt,
        String place, Integer capacity, Integer placesLeft, LocalDate signUpDeadline, String status) {

    /** The message key of the event's kind, as an activity's. */
    public String kindKey() {
        return "activity.kind." + kind;
    }

    public boolean cancelled() {
        return "cancelled".equals(status);
    }

    public boolean full() {
        return placesLeft != null && placesLeft == 0;
    }
}
