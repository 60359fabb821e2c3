package no.ks.led.scheduling.rest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import no.ks.led.scheduling.NationalEvent;
import no.ks.led.scheduling.service.NationalEvents.Occupancy;

/**
 * A national event as the API shows it. {@code confirmed} and {@code waiting} count every tenant's sign-ups and
 * are shown to the national operator only; a tenant's people see the places left.
 */
public record NationalEventView(UUID id, String country, String kind, String title, LocalDateTime startsAt,
        LocalDateTime endsAt, String timeZone, String place, Integer capacity, Integer placesLeft,
        LocalDate signUpDeadline, String status, String cancelReason, Long confirmed, Long waiting) {

    /** For the national operator: with the counts over all tenants. */
    static NationalEventView forOperator(Occupancy o) {
        NationalEvent e = o.event();
        return new NationalEventView(e.id, e.country, e.kind, e.title, e.localStart(), e.localEnd(), e.timeZone, e.place,
                e.capacity, o.placesLeft(), e.signUpDeadline, e.status, e.cancelReason, o.confirmed(), o.waiting());
    }

    /** For a tenant's people: the places left, nothing of other tenants' sign-ups. */
    static NationalEventView forTenant(Occupancy o) {
        NationalEvent e = o.event();
        return new NationalEventView(e.id, e.country, e.kind, e.title, e.localStart(), e.localEnd(), e.timeZone, e.place,
                e.capacity, o.placesLeft(), e.signUpDeadline, e.status, e.cancelReason, null, null);
    }
}
