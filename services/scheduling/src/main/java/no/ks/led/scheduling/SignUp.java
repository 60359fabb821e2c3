package no.ks.led.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/** A person's sign-up for an activity: confirmed, waiting (in order of signing up) or cancelled. */
@Entity
@Table(name = "sign_up")
public class SignUp extends TenantScopedEntity {

    public static final String CONFIRMED = "confirmed";
    public static final String WAITING = "waiting";
    public static final String CANCELLED = "cancelled";

    @Column(name = "activity_id", nullable = false)
    public UUID activityId;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(nullable = false)
    public String status;

    /** What the caterer needs to know; deleted once the activity is over. */
    @Column(name = "dietary_needs")
    public String dietaryNeeds;

    /** The address the person signed up with (from their token), for the reminder; deleted once the activity is over. */
    public String email;

    @Column(name = "signed_up_at", nullable = false)
    public Instant signedUpAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    public Boolean attended;

    /** A newcomer's status: confirmed while there is room ({@code capacity} null: no limit), else waiting. */
    public static String statusFor(Integer capacity, long confirmed) {
        return capacity == null || confirmed < capacity ? CONFIRMED : WAITING;
    }

    /** The activity's sign-ups that are not cancelled, in the order people signed up. */
    public static List<SignUp> current(String tenantId, UUID activityId) {
        return list("tenantId = ?1 and activityId = ?2 and status <> ?3 order by signedUpAt, id", tenantId, activityId,
                CANCELLED);
    }
}
