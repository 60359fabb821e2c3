package no.ks.led.funding;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A speaker or process leader booked for an activity, with the fee and travel the owner expects to pay (øre). */
@Entity
@Table(name = "booked_speaker")
public class BookedSpeaker extends PanacheEntityBase {

    /** An activity and a speaker. */
    @Embeddable
    public record Key(@Column(name = "activity_id") UUID activityId, @Column(name = "speaker_id") UUID speakerId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String name;

    @Column(name = "fee_ore", nullable = false)
    public long feeOre;

    @Column(name = "travel_ore", nullable = false)
    public long travelOre;

    @Column(nullable = false)
    public boolean tentative;

    @Column(name = "booked_at", nullable = false)
    public Instant bookedAt;

    /** The speakers booked for the activity, by name. */
    public static List<BookedSpeaker> of(UUID activityId) {
        return list("key.activityId = ?1 order by name, key.speakerId", activityId);
    }

    /** Whether the owner pays anyone for the activity. */
    public static boolean anyPaid(UUID activityId) {
        return count("key.activityId = ?1 and (feeOre > 0 or travelOre > 0)", activityId) > 0;
    }
}
