package no.ks.led.scheduling.rest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import no.ks.led.scheduling.NationalEvent;
import no.ks.led.scheduling.service.NationalEvents.Occupancy;
import no.ks.led.scheduling.service.NationalEvents.TenantEvent;

/**
 * A national event as the API shows it. {@code confirmed} and {@code waiting} count every tenant's sign-ups and
 * are shown to the national operator only; a tenant's people see the places left and their own sign-up
 * ({@code mySignUpId}, {@code myStatus}), and the tenant's organisers how many of its people are signed up
 * ({@code fromTenant}). A regional event names its host ({@code hostTenantId}); its host also sees the tenants it
 * invites ({@code invitedTenantIds}).
 */
public record NationalEventView(UUID id, String country, String kind, String title, LocalDateTime startsAt,
        LocalDateTime endsAt, String timeZone, String place, Integer capacity, Integer placesLeft,
        LocalDate signUpDeadline, String status, String cancelReason, Long confirmed, Long waiting, UUID mySignUpId,
        String myStatus, Long fromTenant, String hostTenantId, List<String> invitedTenantIds) {

    /** For the national operator, or a regional event's host: with the counts over all tenants and whom it invites. */
    static NationalEventView forOperator(Occupancy o) {
        NationalEvent e = o.event();
        return new NationalEventView(e.id, e.country, e.kind, e.title, e.localStart(), e.localEnd(), e.timeZone, e.place,
                e.capacity, o.placesLeft(), e.signUpDeadline, e.status, e.cancelReason, o.confirmed(), o.waiting(), null, null, null, e.hostTenantId,
                e.hostTenantId == null ? null : List.of(e.invitedTenantIds));
    }

    /**
     * For a tenant's people: the places left, the caller's own sign-up, and for the tenant's organisers how many of
     * its people are signed up; nothing of other tenants' sign-ups.
     */
    static NationalEventView forTenant(TenantEvent t) {
        Occupancy o = t.occupancy();
        NationalEvent e = o.event();
        return new NationalEventView(e.id, e.country, e.kind, e.title, e.localStart(), e.localEnd(), e.timeZone, e.place,
                e.capacity, o.placesLeft(), e.signUpDeadline, e.status, e.cancelReason, null, null,
                t.mine() == null ? null : t.mine().id, t.mine() == null ? null : t.mine().status, t.fromTenant(),
                e.hostTenantId, null);
    }
}
