package no.ks.led.programmes.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/** An activity a programme plans (a gathering, the dialogue conference, a seminar, supervision, ...). */
@Entity
@Table(name = "planned_activity")
public class PlannedActivity extends TenantScopedEntity {

    @Column(name = "programme_id", nullable = false)
    public UUID programmeId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String title;

    /** The first day, in the tenant's zone. */
    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    public String place;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** The scheduling service's activity this became, once scheduled; null until then. */
    @Column(name = "scheduled_activity_id")
    public UUID scheduledActivityId;

    @Column(name = "scheduled_starts_at")
    public Instant scheduledStartsAt;

    @Column(name = "scheduled_ends_at")
    public Instant scheduledEndsAt;

    /** The iCalendar sequence of the scheduled time kept: 0 when scheduled, higher after each rescheduling. */
    @Column(name = "scheduled_sequence")
    public Integer scheduledSequence;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** The planned activity the scheduling service's activity came from, if this service planned it. */
    public static java.util.Optional<PlannedActivity> scheduledAs(UUID activityId) {
        return find("scheduledActivityId", activityId).firstResultOptional();
    }

    /** The programme's activities, by date. */
    public static List<PlannedActivity> of(UUID programmeId) {
        return list("programmeId = ?1 order by startsOn, createdAt, id", programmeId);
    }
}
