package no.ks.led.scheduling;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/**
 * A person's sign-up for a national event, owned by the tenant they signed up through: confirmed, waiting (in
 * the order people of all tenants signed up) or cancelled.
 */
@Entity
@Table(name = "national_sign_up")
public class NationalSignUp extends TenantScopedEntity {

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    /** {@link SignUp#CONFIRMED}, {@link SignUp#WAITING} or {@link SignUp#CANCELLED}. */
    @Column(nullable = false)
    public String status;

    /** What the caterer needs to know; deleted once the event is over. */
    @Column(name = "dietary_needs")
    public String dietaryNeeds;

    @Column(name = "signed_up_at", nullable = false)
    public Instant signedUpAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** The event's sign-ups from every tenant that are not cancelled, in the order people signed up. */
    public static List<NationalSignUp> current(UUID eventId) {
        return list("eventId = ?1 and status <> ?2 order by signedUpAt, id", eventId, SignUp.CANCELLED);
    }

    /** How many current sign-ups each event has from every tenant, per status: one grouped query for a list's events. */
    public static Map<UUID, Map<String, Long>> countsByStatus(Collection<UUID> eventIds) {
        Map<UUID, Map<String, Long>> counts = new HashMap<>();
        if (eventIds.isEmpty()) {
            return counts;
        }
        getEntityManager().createQuery("select s.eventId, s.status, count(s) from NationalSignUp s "
                        + "where s.eventId in ?1 and s.status <> ?2 group by s.eventId, s.status", Object[].class)
                .setParameter(1, eventIds).setParameter(2, SignUp.CANCELLED).getResultList()
                .forEach(row -> counts.computeIfAbsent((UUID) row[0], id -> new HashMap<>()).put((String) row[1], (Long) row[2]));
        return counts;
    }

    /** The tenant's current sign-ups for the events, in the order people signed up. */
    public static List<NationalSignUp> currentOfTenant(String tenantId, Collection<UUID> eventIds) {
        return eventIds.isEmpty() ? List.of()
                : list("tenantId = ?1 and eventId in ?2 and status <> ?3 order by signedUpAt, id", tenantId, eventIds,
                        SignUp.CANCELLED);
    }

    /** The event's sign-ups through one tenant, cancelled ones included, in the order people signed up. */
    public static List<NationalSignUp> ofTenant(String tenantId, UUID eventId) {
        return list("tenantId = ?1 and eventId = ?2 order by signedUpAt, id", tenantId, eventId);
    }
}
