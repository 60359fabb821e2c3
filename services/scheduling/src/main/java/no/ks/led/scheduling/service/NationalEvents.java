package no.ks.led.scheduling.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.access.AccessReplica;
import no.ks.led.foundation.access.Country;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.scheduling.NationalEvent;
import no.ks.led.scheduling.NationalSignUp;
import no.ks.led.scheduling.PersonNotice;
import no.ks.led.scheduling.SignUp;

/**
 * Events a national operator publishes for every tenant of its country (issue 15: "KS publishes an event, such
 * as the introductory course, that people from many tenants sign up for; each tenant sees only its own
 * participants"). One capacity and one waiting list for all tenants, in the order people signed up; a tenant's
 * people see the event and how many places are left, never who else signed up.
 */
@ApplicationScoped
public class NationalEvents {

    private static final List<TenantRole> ORGANISERS = List.of(TenantRole.COORDINATOR, TenantRole.OWNER_EXECUTIVE);
    /** The most tenants a regional event invites. */
    public static final int MAX_INVITED = 200;

    @Inject
    AccessReplica replica;

    /** What a national operator publishes; times are local in the country's zone. */
    public record EventDraft(String kind, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place,
            Integer capacity, LocalDate signUpDeadline) {
    }

    /** An event with the count of its confirmed and waiting sign-ups over all tenants. */
    public record Occupancy(NationalEvent event, long confirmed, long waiting) {

        /** The places still free; null for an event without a capacity. */
        public Integer placesLeft() {
            return event.capacity == null ? null : (int) Math.max(0, event.capacity - confirmed);
        }
    }

    /**
     * An event as one of a tenant's people sees it: its occupancy over all tenants, the caller's own current sign-up
     * (or null), and how many of the tenant's people are signed up (for the tenant's organisers; null for others).
     */
    public record TenantEvent(Occupancy occupancy, NationalSignUp mine, Long fromTenant) {
    }

    /** Publishes an event for the country's tenants. */
    @Transactional
    public NationalEvent publish(Country country, EventDraft draft, String publishedBy) {
        NationalEvent event = newEvent(country, draft, publishedBy);
        event.persist();
        return event;
    }

    /**
     * Publishes a regional event of the host tenant for its own people and those of the invited tenants, each an
     * active tenant of the host's country (a 400 naming {@code invitedTenants} for any other).
     */
    @Transactional
    public NationalEvent publishRegional(String hostTenantId, List<String> invitedTenants, EventDraft draft,
            String publishedBy) {
        Country country = replica.countryOf(hostTenantId);
        List<String> invited = invitedTenants == null ? List.of()
                : invitedTenants.stream().map(String::strip).filter(t -> !t.equals(hostTenantId)).distinct().sorted().toList();
        if (invited.size() > MAX_INVITED) {
            throw ProblemException.invalidField("invitedTenants", "must name at most " + MAX_INVITED + " tenants");
        }
        Map<String, Country> known = replica.activeTenants(invited);
        List<String> unknown = invited.stream().filter(t -> known.get(t) != country).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidField("invitedTenants", "names no active tenant of " + country.name() + ": " + unknown);
        }
        NationalEvent event = newEvent(country, draft, publishedBy);
        event.hostTenantId = hostTenantId;
        event.invitedTenantIds = invited.toArray(String[]::new);
        event.persist();
        return event;
    }

    private static NationalEvent newEvent(Country country, EventDraft draft, String publishedBy) {
        ZoneId zone = country.zone();
        Instant startsAt = ActivityPlanning.instant("startsAt", draft.startsAt(), zone);
        Instant endsAt = ActivityPlanning.instant("endsAt", draft.endsAt(), zone);
        if (!endsAt.isAfter(startsAt)) {
            throw ProblemException.invalidField("endsAt", "must be after startsAt");
        }
        if (!startsAt.isAfter(Instant.now())) {
            throw ProblemException.invalidField("startsAt", "must be in the future");
        }
        if (draft.signUpDeadline() != null && draft.signUpDeadline().isAfter(draft.startsAt().toLocalDate())) {
            throw ProblemException.invalidField("signUpDeadline", "must not be after the event starts");
        }
        NationalEvent event = new NationalEvent();
        event.id = UUID.randomUUID();
        event.country = country.name();
        event.kind = draft.kind();
        event.title = draft.title().strip();
        event.startsAt = startsAt;
        event.endsAt = endsAt;
        event.timeZone = zone.getId();
        event.place = draft.place() == null || draft.place().isBlank() ? null : draft.place().strip();
        event.capacity = draft.capacity();
        event.signUpDeadline = draft.signUpDeadline();
        event.status = NationalEvent.SCHEDULED;
        event.publishedBy = publishedBy;
        event.publishedAt = ActivityPlanning.now();
        return event;
    }

    /** Cancels the event (its sign-ups stay, for the record); cancelling a cancelled one changes nothing. */
    @Transactional
    public NationalEvent cancel(Country country, UUID eventId, String reason) {
        NationalEvent event = NationalEvent.findInCountry(country, eventId).orElseThrow(() -> notFound(eventId));
        return cancelled(locked(event.id), reason);
    }

    /** Cancels a regional event the tenant hosts; any other is a 404. */
    @Transactional
    public NationalEvent cancelHosted(String hostTenantId, UUID eventId, String reason) {
        NationalEvent event = NationalEvent.findHostedBy(hostTenantId, eventId).orElseThrow(() -> notFound(eventId));
        return cancelled(locked(event.id), reason);
    }

    private static NationalEvent cancelled(NationalEvent event, String reason) {
        if (!NationalEvent.CANCELLED.equals(event.status)) {
            event.status = NationalEvent.CANCELLED;
            event.cancelReason = reason == null || reason.isBlank() ? null : reason.strip();
        }
        return event;
    }

    /** The country's event with its occupancy; 404 for another country's, as for a missing one. */
    @Transactional
    public Occupancy get(Country country, UUID eventId) {
        return occupancy(NationalEvent.findInCountry(country, eventId).orElseThrow(() -> notFound(eventId)));
    }

    /** A regional event the tenant hosts, with its occupancy over all tenants; any other is a 404. */
    @Transactional
    public Occupancy getHosted(String hostTenantId, UUID eventId) {
        return occupancy(NationalEvent.findHostedBy(hostTenantId, eventId).orElseThrow(() -> notFound(eventId)));
    }

    /** The event as the tenant's people see it: a national one of their country, or a regional one inviting them. */
    @Transactional
    public TenantEvent getForTenant(Grant grant, UUID eventId) {
        NationalEvent event = NationalEvent.<NationalEvent>findByIdOptional(eventId)
                .filter(e -> e.invites(grant.tenantId(), replica.countryOf(grant.tenantId())))
                .orElseThrow(() -> notFound(eventId));
        return forTenant(grant, List.of(event)).get(0);
    }

    /**
     * The events as the tenant's people see them, in two queries whatever their number: the sign-up counts of all the
     * events grouped in one, the tenant's current sign-ups for them in the other.
     */
    @Transactional
    public List<TenantEvent> forTenant(Grant grant, List<NationalEvent> events) {
        Map<UUID, List<NationalSignUp>> tenants = NationalSignUp.currentOfTenant(grant.tenantId(),
                events.stream().map(e -> e.id).toList()).stream().collect(Collectors.groupingBy(s -> s.eventId));
        boolean organiser = grant.hasAny(ORGANISERS);
        return occupancies(events).stream().map(occupancy -> {
            List<NationalSignUp> fromTenant = tenants.getOrDefault(occupancy.event().id, List.of());
            NationalSignUp mine = fromTenant.stream().filter(s -> s.personId.equals(grant.personId())).findFirst().orElse(null);
            return new TenantEvent(occupancy, mine, organiser ? (long) fromTenant.size() : null);
        }).toList();
    }

    /** The country whose events the tenant's people see. */
    @Transactional
    public Country countryOf(String tenantId) {
        return replica.countryOf(tenantId);
    }

    /** The event's occupancy. */
    @Transactional
    public Occupancy occupancy(NationalEvent event) {
        return occupancies(List.of(event)).get(0);
    }

    /** The occupancy of each event, in the events' order, from one grouped query whatever their number. */
    @Transactional
    public List<Occupancy> occupancies(List<NationalEvent> events) {
        Map<UUID, Map<String, Long>> counts = NationalSignUp.countsByStatus(events.stream().map(e -> e.id).toList());
        return events.stream().map(event -> {
            Map<String, Long> byStatus = counts.getOrDefault(event.id, Map.of());
            return new Occupancy(event, byStatus.getOrDefault(SignUp.CONFIRMED, 0L), byStatus.getOrDefault(SignUp.WAITING, 0L));
        }).toList();
    }

    /** Signs a member of the tenant up: confirmed while there is room, else waiting behind everyone before them. */
    @Transactional
    public NationalSignUp signUp(String tenantId, UUID eventId, UUID personId, String dietaryNeeds) {
        NationalEvent event = forUpdate(tenantId, eventId);
        if (!NationalEvent.SCHEDULED.equals(event.status)) {
            throw new ProblemException(ProblemType.ACTIVITY_NOT_SCHEDULED, "The event is cancelled");
        }
        SignUps.requireOpen(event.startsAt, event.signUpDeadline, event.zone());
        List<NationalSignUp> current = NationalSignUp.current(eventId);
        if (current.stream().anyMatch(s -> s.personId.equals(personId))) {
            throw new ProblemException(ProblemType.ALREADY_SIGNED_UP, "You are signed up already");
        }
        long confirmed = current.stream().filter(s -> SignUp.CONFIRMED.equals(s.status)).count();
        NationalSignUp signUp = new NationalSignUp();
        signUp.id = UUID.randomUUID();
        signUp.tenantId = tenantId;
        signUp.eventId = eventId;
        signUp.personId = personId;
        signUp.status = SignUp.statusFor(event.capacity, confirmed);
        signUp.dietaryNeeds = dietaryNeeds == null || dietaryNeeds.isBlank() ? null : dietaryNeeds.strip();
        signUp.signedUpAt = ActivityPlanning.now();
        signUp.persist();
        return signUp;
    }

    /**
     * Cancels a sign-up through the tenant (the person's own, or any of the tenant's for its organisers); a freed
     * place goes to the first person waiting, of whichever tenant, who gets a notice in their tenant.
     */
    @Transactional
    public NationalSignUp cancel(Grant grant, UUID eventId, UUID signUpId) {
        NationalEvent event = forUpdate(grant.tenantId(), eventId);
        NationalSignUp signUp = find(grant, eventId, signUpId);
        if (SignUp.CANCELLED.equals(signUp.status)) {
            return signUp;
        }
        boolean freedAPlace = SignUp.CONFIRMED.equals(signUp.status);
        signUp.status = SignUp.CANCELLED;
        signUp.cancelledAt = ActivityPlanning.now();
        signUp.dietaryNeeds = null;
        if (freedAPlace) {
            Optional<NationalSignUp> first = NationalSignUp.current(eventId).stream()
                    .filter(s -> SignUp.WAITING.equals(s.status)).findFirst();
            first.ifPresent(next -> {
                next.status = SignUp.CONFIRMED;
                PersonNotice.movedUp(next.tenantId, next.personId, null, event.id, signUp.cancelledAt);
            });
        }
        return signUp;
    }

    /** The tenant's sign-ups its organisers see (all of the tenant's), or a participant (their own). */
    @Transactional
    public List<NationalSignUp> visibleTo(Grant grant, UUID eventId) {
        NationalEvent.<NationalEvent>findByIdOptional(eventId)
                .filter(e -> e.invites(grant.tenantId(), replica.countryOf(grant.tenantId())))
                .orElseThrow(() -> notFound(eventId));
        return NationalSignUp.ofTenant(grant.tenantId(), eventId).stream()
                .filter(s -> grant.hasAny(ORGANISERS) || s.personId.equals(grant.personId())).toList();
    }

    /** Every tenant's sign-ups, for the national operator that published the event. */
    @Transactional
    public List<NationalSignUp> all(Country country, UUID eventId) {
        NationalEvent.findInCountry(country, eventId).orElseThrow(() -> notFound(eventId));
        return NationalSignUp.list("eventId = ?1 order by signedUpAt, id", eventId);
    }

    /** Every invited tenant's sign-ups, for the host of the regional event (it runs the event, as KS a national one). */
    @Transactional
    public List<NationalSignUp> allHosted(String hostTenantId, UUID eventId) {
        NationalEvent.findHostedBy(hostTenantId, eventId).orElseThrow(() -> notFound(eventId));
        return NationalSignUp.list("eventId = ?1 order by signedUpAt, id", eventId);
    }

    /** The event, locked for a sign-up or its cancellation; a 404 unless it invites the tenant's people. */
    private NationalEvent forUpdate(String tenantId, UUID eventId) {
        NationalEvent event = NationalEvent.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
        if (event == null || !event.invites(tenantId, replica.countryOf(tenantId))) {
            throw notFound(eventId);
        }
        return event;
    }

    private static NationalEvent locked(UUID eventId) {
        return NationalEvent.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static NationalSignUp find(Grant grant, UUID eventId, UUID signUpId) {
        return NationalSignUp.<NationalSignUp>find("tenantId = ?1 and eventId = ?2 and id = ?3", grant.tenantId(), eventId,
                        signUpId).firstResultOptional()
                .filter(s -> grant.hasAny(ORGANISERS) || s.personId.equals(grant.personId()))
                .orElseThrow(() -> ProblemException.notFound("Sign-up " + signUpId));
    }

    private static ProblemException notFound(UUID eventId) {
        return ProblemException.notFound("National event " + eventId);
    }
}
