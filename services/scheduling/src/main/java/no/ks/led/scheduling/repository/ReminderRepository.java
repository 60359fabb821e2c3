package no.ks.led.scheduling.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/** The reminders before activities: who is due one, and the row per activity and person that makes it once only. */
@ApplicationScoped
public class ReminderRepository {

    @Inject
    EntityManager entityManager;

    /** A confirmed sign-up whose reminder is due. */
    public record Due(UUID activityId, UUID personId, String email) {
    }

    /**
     * The confirmed sign-ups with an address for scheduled activities starting after {@code now} and no later than
     * {@code until}, that have no reminder yet; soonest first.
     */
    @SuppressWarnings("unchecked")
    public List<Due> due(Instant now, Instant until, int limit) {
        List<Tuple> rows = entityManager.createNativeQuery("""
                SELECT s.activity_id, s.person_id, s.email FROM sign_up s JOIN activity a ON a.id = s.activity_id
                WHERE s.status = 'confirmed' AND s.email IS NOT NULL AND a.status = 'scheduled'
                AND a.starts_at > ?1 AND a.starts_at <= ?2
                AND NOT EXISTS (SELECT 1 FROM activity_reminder r WHERE r.activity_id = s.activity_id AND r.person_id = s.person_id)
                ORDER BY a.starts_at, s.activity_id, s.person_id LIMIT ?3""", Tuple.class)
                .setParameter(1, now).setParameter(2, until).setParameter(3, limit).getResultList();
        return rows.stream().map(t -> new Due(t.get("activity_id", UUID.class), t.get("person_id", UUID.class),
                t.get("email", String.class))).toList();
    }

    /** Records the reminder before it is queued; false when it was recorded already (by this or another replica). */
    public boolean record(String tenantId, UUID activityId, UUID personId, Instant at) {
        return entityManager.createNativeQuery("""
                INSERT INTO activity_reminder (activity_id, person_id, tenant_id, recorded_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, activityId).setParameter(2, personId).setParameter(3, tenantId).setParameter(4, at)
                .executeUpdate() == 1;
    }
}
