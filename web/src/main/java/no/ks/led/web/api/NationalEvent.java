package no.ks.led.web.api;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/**
 * An event a national operator published for every tenant of the country, as a tenant's people see it: with the
 * caller's own sign-up, and for the tenant's organisers how many of its people are signed up ({@code fromTenant});
 * a regional event names the lead owner that hosts it ({@code hostTenantId}).
 */
@TemplateData
public record NationalEvent(UUID id, String kind, String title, LocalDateTime startsAt, LocalDateTime endsAt,
        String place, Integer capacity, Integer placesLeft, LocalDate signUpDeadline, String status, UUID mySignUpId,
        String myStatus, Long fromTenant, String hostTenantId) {

    /** The message key of the event's kind, as an activity's. */
    public String kindKey() {
        return "activity.kind." + kind;
    }

    public boolean cancelled() {
        return "cancelled".equals(status);
    }

    /** Whether the caller has a current sign-up (confirmed or waiting) for it. */
    public boolean signedUp() {
        return mySignUpId != null;
    }

    /** Whether the caller's sign-up waits for a place. */
    public boolean waiting() {
        return "waiting".equals(myStatus);
    }

    public boolean full() {
        return placesLeft != null && placesLeft == 0;
    }
}
