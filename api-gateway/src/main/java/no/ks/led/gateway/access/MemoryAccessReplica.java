package no.ks.led.gateway.access;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.led.events.organisations.EngagementEnded;
import no.ks.led.events.organisations.EngagementStarted;
import no.ks.led.events.organisations.MembershipEnded;
import no.ks.led.events.organisations.MembershipGranted;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.events.organisations.TenantDeactivated;
import no.ks.led.events.organisations.TenantOnboarded;
import no.ks.led.foundation.access.AccessChanges;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantZones;

/**
 * The gateway's copy of who may enter which tenant, held in memory (the gateway has no database) and
 * rebuilt from the organisations topic at every start by {@link OrganisationEventsFollower}. The
 * decision is the services' own: {@link Grant#decide}. Order-tolerant as the services' replica is: an end
 * or erasure that arrives before its start is remembered, and the start then arrives already ended.
 */
@ApplicationScoped
public class MemoryAccessReplica implements AccessChanges {

    private final Map<String, Boolean> activeOrganisations = new ConcurrentHashMap<>();
    /** Each tenant's own time zone, as onboarded. */
    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();
    /** Person → membership id → membership. */
    private final Map<UUID, Map<UUID, Grant.MembershipRow>> memberships = new ConcurrentHashMap<>();
    /** Tenant → engagement id → engagement. */
    private final Map<String, Map<UUID, Grant.EngagementRow>> engagements = new ConcurrentHashMap<>();
    /** Ends and erasures seen, so a start that arrives after them cannot reopen access. */
    private final Set<UUID> endedMemberships = ConcurrentHashMap.newKeySet();
    private final Set<UUID> endedEngagements = ConcurrentHashMap.newKeySet();
    private final Set<UUID> erasedPeople = ConcurrentHashMap.newKeySet();

    /** Whether the person holds any current role in the tenant. */
    public boolean mayEnter(UUID personId, String tenantId, LocalDate today) {
        if (!Boolean.TRUE.equals(activeOrganisations.get(tenantId))) {
            return false;
        }
        List<Grant.MembershipRow> rows = List.copyOf(memberships.getOrDefault(personId, Map.of()).values());
        List<Grant.EngagementRow> tenantEngagements = List.copyOf(engagements.getOrDefault(tenantId, Map.of()).values());
        return !Grant.decide(tenantId, personId, true, rows, tenantEngagements, today).isEmpty();
    }

    /**
     * The tenant's own time zone, in which its "today" is decided; {@link TenantZones#PLATFORM_DEFAULT} for a
     * tenant not onboarded (yet) or with a zone that is not one.
     */
    public ZoneId zoneOf(String tenantId) {
        return zones.getOrDefault(tenantId, TenantZones.PLATFORM_DEFAULT);
    }

    @Override
    public void tenantOnboarded(TenantOnboarded event) {
        activeOrganisations.putIfAbsent(event.tenantId(), true);
        if (event.timeZone() != null && ZoneId.getAvailableZoneIds().contains(event.timeZone())) {
            zones.put(event.tenantId(), ZoneId.of(event.timeZone()));
        }
    }

    @Override
    public void tenantDeactivated(TenantDeactivated event) {
        activeOrganisations.put(event.tenantId(), false);
    }

    @Override
    public void membershipGranted(MembershipGranted event) {
        memberships.computeIfAbsent(event.personId(), p -> new ConcurrentHashMap<>())
                .putIfAbsent(event.membershipId(), new Grant.MembershipRow(event.tenantId(), event.personId(), event.role(),
                        event.schoolId(), event.startsOn(), event.endsOn(),
                        endedMemberships.contains(event.membershipId()) || erasedPeople.contains(event.personId())));
        if ("consultant".equals(event.role())) {
            activeOrganisations.putIfAbsent(event.tenantId(), true);
        }
    }

    @Override
    public void membershipEnded(MembershipEnded event) {
        endedMemberships.add(event.membershipId());
        Map<UUID, Grant.MembershipRow> held = memberships.get(event.personId());
        if (held != null) {
            held.computeIfPresent(event.membershipId(), (id, m) -> ended(m));
        }
    }

    @Override
    public void engagementStarted(EngagementStarted event) {
        engagements.computeIfAbsent(event.tenantId(), t -> new ConcurrentHashMap<>())
                .putIfAbsent(event.engagementId(), new Grant.EngagementRow(event.tenantId(), event.consultancyId(),
                        event.consultantPersonId(), List.copyOf(event.schoolIds()), event.startsOn(), event.endsOn(),
                        endedEngagements.contains(event.engagementId())));
    }

    @Override
    public void engagementEnded(EngagementEnded event) {
        endedEngagements.add(event.engagementId());
        Map<UUID, Grant.EngagementRow> held = engagements.get(event.tenantId());
        if (held != null) {
            held.computeIfPresent(event.engagementId(), (id, e) -> new Grant.EngagementRow(e.tenantId(), e.consultancyId(),
                    e.consultantPersonId(), e.schoolIds(), e.startsOn(), e.endsOn(), true));
        }
    }

    @Override
    public void personErased(PersonErased event) {
        erasedPeople.add(event.personId());
        Map<UUID, Grant.MembershipRow> held = memberships.get(event.personId());
        if (held != null) {
            held.replaceAll((id, m) -> ended(m));
        }
    }

    private static Grant.MembershipRow ended(Grant.MembershipRow m) {
        return new Grant.MembershipRow(m.organisationId(), m.personId(), m.role(), m.schoolId(), m.startsOn(), m.endsOn(),
                true);
    }
}
