package no.ks.led.scheduling.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import no.ks.led.scheduling.ActivityKind;

/** The queries on activities that Panache does not express: gathering days, feed selections, warning confirmations. */
@ApplicationScoped
public class ActivityRepository {

    @Inject
    EntityManager entityManager;

    /** A recorded confirmation of a warning. */
    public record Confirmation(String code, UUID confirmedBy, Instant confirmedAt) {
    }

    /** The days (in the zone) the tenant's scheduled gatherings start on, from {@code from} to before {@code to}. */
    @SuppressWarnings("unchecked")
    public List<LocalDate> gatheringDays(String tenantId, ZoneId zone, Instant from, Instant to) {
        List<Instant> starts = entityManager.createQuery("""
                SELECT a.startsAt FROM Activity a WHERE a.tenantId = ?1 AND a.status = 'scheduled'
                AND a.kind IN ?2 AND a.startsAt >= ?3 AND a.startsAt < ?4""")
                .setParameter(1, tenantId).setParameter(2, ActivityKind.GATHERINGS).setParameter(3, from)
                .setParameter(4, to).getResultList();
        return starts.stream().map(i -> LocalDate.ofInstant(i, zone)).toList();
    }

    /** The confirmations recorded for the activity at this sequence. */
    @SuppressWarnings("unchecked")
    public List<Confirmation> confirmations(UUID activityId, int sequence) {
        List<Tuple> rows = entityManager.createNativeQuery("""
                SELECT code, confirmed_by, confirmed_at FROM activity_warning_confirmation
                WHERE activity_id = ?1 AND sequence = ?2""", Tuple.class)
                .setParameter(1, activityId).setParameter(2, sequence).getResultList();
        return rows.stream().map(t -> new Confirmation(t.get("code", String.class), t.get("confirmed_by", UUID.class),
                toInstant(t.get("confirmed_at")))).toList();
    }

    /** Records the coordinator's confirmation of a warning at the activity's current sequence (once). */
    public void confirm(UUID activityId, String code, int sequence, UUID person, Instant at) {
        entityManager.createNativeQuery("""
                INSERT INTO activity_warning_confirmation (activity_id, code, sequence, confirmed_by, confirmed_at)
                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                .setParameter(1, activityId).setParameter(2, code).setParameter(3, sequence).setParameter(4, person)
                .setParameter(5, at).executeUpdate();
    }

    /** The ids of the tenant's scheduled or cancelled activities a school takes part in (every school, when none is named). */
    @SuppressWarnings("unchecked")
    public List<UUID> forSchool(String tenantId, UUID schoolId, Instant from) {
        return entityManager.createNativeQuery("""
                SELECT id FROM activity WHERE tenant_id = ?1 AND status <> 'proposed' AND ends_at >= ?3
                AND (cardinality(school_ids) = 0 OR ?2 = ANY (school_ids)) ORDER BY starts_at, id""")
                .setParameter(1, tenantId).setParameter(2, schoolId).setParameter(3, from).getResultList();
    }

    /** The ids of the tenant's activities the person is signed up for (confirmed or waiting). */
    @SuppressWarnings("unchecked")
    public List<UUID> signedUpFor(String tenantId, UUID personId, Instant from) {
        return entityManager.createNativeQuery("""
                SELECT a.id FROM activity a JOIN sign_up s ON s.activity_id = a.id
                WHERE a.tenant_id = ?1 AND s.person_id = ?2 AND s.status <> 'cancelled' AND a.status <> 'proposed'
                AND a.ends_at >= ?3 ORDER BY a.starts_at, a.id""")
                .setParameter(1, tenantId).setParameter(2, personId).setParameter(3, from).getResultList();
    }

    /** Whether the school is one of the tenant's, as the access replica knows them (another tenant's never is). */
    public boolean isSchoolOf(String tenantId, UUID schoolId) {
        return !entityManager.createNativeQuery(
                "SELECT 1 FROM access_membership WHERE organisation_id = ?1 AND school_id = ?2 LIMIT 1")
                .setParameter(1, tenantId).setParameter(2, schoolId).getResultList().isEmpty();
    }

    /** Whether the person holds one of the roles in the tenant now (membership not ended). */
    public boolean holdsRole(String tenantId, UUID personId, List<String> roles) {
        return !entityManager.createNativeQuery("""
                SELECT 1 FROM access_membership WHERE organisation_id = ?1 AND person_id = ?2 AND role IN (?3)
                AND ended_at IS NULL AND (ends_on IS NULL OR ends_on >= current_date) LIMIT 1""")
                .setParameter(1, tenantId).setParameter(2, personId).setParameter(3, roles).getResultList().isEmpty();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
