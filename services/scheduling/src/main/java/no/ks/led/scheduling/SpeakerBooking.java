package no.ks.led.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/**
 * A speaker booked for an activity, tentatively or firmly, with the fee and travel the owner expects to pay in
 * øre. Written by {@code BookingRepository}, which also keeps the booked time range the database checks.
 */
@Entity
@Table(name = "speaker_booking")
public class SpeakerBooking extends TenantScopedEntity {

    @Column(name = "activity_id", nullable = false)
    public UUID activityId;

    @Column(name = "speaker_id", nullable = false)
    public UUID speakerId;

    @Column(name = "fee_ore", nullable = false)
    public long feeOre;

    @Column(name = "travel_ore", nullable = false)
    public long travelOre;

    @Column(nullable = false)
    public boolean tentative;

    @Column(name = "booked_at", nullable = false)
    public Instant bookedAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    /** The activity's bookings, in the order they were made. */
    public static List<SpeakerBooking> ofActivity(String tenantId, UUID activityId) {
        return list("tenantId = ?1 and activityId = ?2 order by bookedAt, id", tenantId, activityId);
    }

    public static Optional<SpeakerBooking> find(String tenantId, UUID activityId, UUID speakerId) {
        return find("tenantId = ?1 and activityId = ?2 and speakerId = ?3", tenantId, activityId, speakerId)
                .firstResultOptional();
    }
}
