package no.ks.led.scheduling.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;

/**
 * Speaker and room bookings: who is busy when. A speaker's bookings are checked across all tenants under a
 * lock on the speaker, and the exclusion constraints of the tables refuse overlaps even if a check were
 * skipped. A refusal says only "busy": never the other booking, its tenant or its activity.
 */
@ApplicationScoped
public class BookingRepository {

    private static final String SPEAKER_BUSY_DETAIL = "The speaker is busy at that time";
    private static final String ROOM_BUSY_DETAIL = "The room is taken at that time";

    @Inject
    EntityManager entityManager;

    /** Fails with 409 speaker-busy when the speaker has a booking overlapping [from, to) for another activity. */
    public void requireSpeakerFree(UUID speakerId, UUID activityId, Instant from, Instant to) {
        lock("speaker\n" + speakerId);
        Object busy = entityManager.createNativeQuery("""
                SELECT EXISTS (SELECT 1 FROM speaker_booking WHERE speaker_id = ?1 AND activity_id <> ?2
                AND during && tstzrange(?3, ?4, '[)'))""")
                .setParameter(1, speakerId).setParameter(2, activityId).setParameter(3, from).setParameter(4, to)
                .getSingleResult();
        if (Boolean.TRUE.equals(busy)) {
            throw new ProblemException(ProblemType.SPEAKER_BUSY, SPEAKER_BUSY_DETAIL);
        }
    }

    /** Books the speaker for [from, to) of the activity; call {@link #requireSpeakerFree} first. */
    public void insertBooking(UUID id, String tenantId, UUID activityId, UUID speakerId, long feeOre, long travelOre,
            boolean tentative, Instant from, Instant to, Instant bookedAt) {
        try {
            entityManager.createNativeQuery("""
                    INSERT INTO speaker_booking (id, activity_id, speaker_id, tenant_id, fee_ore, travel_ore, tentative,
                    during, booked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, tstzrange(?8, ?9, '[)'), ?10)""")
                    .setParameter(1, id).setParameter(2, activityId).setParameter(3, speakerId).setParameter(4, tenantId)
                    .setParameter(5, feeOre).setParameter(6, travelOre).setParameter(7, tentative)
                    .setParameter(8, from).setParameter(9, to).setParameter(10, bookedAt).executeUpdate();
        } catch (PersistenceException e) {
            throw refusal(e);
        }
    }

    /** Moves the activity's bookings to [from, to), each speaker checked first; a busy one refuses the whole move. */
    public void moveBookings(UUID activityId, Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        java.util.List<UUID> speakers = entityManager.createNativeQuery(
                "SELECT speaker_id FROM speaker_booking WHERE activity_id = ?1 ORDER BY speaker_id")
                .setParameter(1, activityId).getResultList();
        for (UUID speaker : speakers) {
            requireSpeakerFree(speaker, activityId, from, to);
        }
        try {
            entityManager.createNativeQuery("UPDATE speaker_booking SET during = tstzrange(?2, ?3, '[)') WHERE activity_id = ?1")
                    .setParameter(1, activityId).setParameter(2, from).setParameter(3, to).executeUpdate();
        } catch (PersistenceException e) {
            throw refusal(e);
        }
    }

    /** A cancelled activity holds its speakers no longer. */
    public void releaseBookings(UUID activityId) {
        entityManager.createNativeQuery("UPDATE speaker_booking SET during = NULL WHERE activity_id = ?1")
                .setParameter(1, activityId).executeUpdate();
    }

    /** Fails with 409 room-busy when another scheduled activity of the tenant has the room at an overlapping time. */
    public void requireRoomFree(String tenantId, String room, UUID activityId, Instant from, Instant to) {
        lock("room\n" + tenantId + "\n" + room);
        Object busy = entityManager.createNativeQuery("""
                SELECT EXISTS (SELECT 1 FROM activity WHERE tenant_id = ?1 AND room = ?2 AND id <> ?3
                AND status = 'scheduled' AND during && tstzrange(?4, ?5, '[)'))""")
                .setParameter(1, tenantId).setParameter(2, room).setParameter(3, activityId)
                .setParameter(4, from).setParameter(5, to).getSingleResult();
        if (Boolean.TRUE.equals(busy)) {
            throw new ProblemException(ProblemType.ROOM_BUSY, ROOM_BUSY_DETAIL);
        }
    }

    /** Whether a speaker with a fee is booked for the activity. */
    public boolean hasPaidSpeaker(UUID activityId) {
        return Boolean.TRUE.equals(entityManager.createNativeQuery(
                "SELECT EXISTS (SELECT 1 FROM speaker_booking WHERE activity_id = ?1 AND fee_ore > 0)")
                .setParameter(1, activityId).getSingleResult());
    }

    /** A transaction-scoped lock on a key, so two changes of one thing are checked one after the other. */
    public void lock(String key) {
        entityManager.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))) locked")
                .setParameter(1, key).getSingleResult();
    }

    /** The exclusion constraint refused a booking: "busy", and nothing of the database's message, which names the other range. */
    private static RuntimeException refusal(PersistenceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23P01".equals(sql.getSQLState())) {
                return new ProblemException(ProblemType.SPEAKER_BUSY, SPEAKER_BUSY_DETAIL);
            }
        }
        return e;
    }
}
