package no.ks.led.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An activity in a tenant's calendar: a gathering, seminar, network meeting, supervision, shadowing... */
@Entity
@Table(name = "activity")
public class Activity extends TenantScopedEntity {

    public static final String PROPOSED = "proposed";
    public static final String SCHEDULED = "scheduled";
    public static final String CANCELLED = "cancelled";

    @Column(name = "programme_id")
    public UUID programmeId;

    /** The programme's planned activity this one came from ({@code ActivityPlanned}), or null. */
    @Column(name = "planned_activity_id")
    public UUID plannedActivityId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String title;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    /** The tenant's zone the times were entered in. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    public String place;

    public String room;

    /** The schools whose leaders take part; empty for every school of the tenant. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "school_ids", nullable = false)
    public UUID[] schoolIds = new UUID[0];

    /** The roles whose holders take part (at the activity's schools, if it names any); empty for no selection by role. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "participant_roles", nullable = false)
    public String[] participantRoles = new String[0];

    /** The people named as participants, whatever their school or role. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "participant_person_ids", nullable = false)
    public UUID[] participantPersonIds = new UUID[0];

    /** The programme track the activity belongs to, as the coordinator names it. */
    public String track;

    @Column(nullable = false)
    public String status;

    @Column(name = "cancel_reason")
    public String cancelReason;

    /** The iCalendar SEQUENCE: rises with every change a calendar shows. */
    @Column(nullable = false)
    public int sequence;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_modified", nullable = false)
    public Instant lastModified;

    @Column(name = "funding_status", nullable = false)
    public String fundingStatus = FundingStatus.NOT_APPLIED;

    @Column(name = "funding_changed_at")
    public Instant fundingChangedAt;

    public Integer capacity;

    @Column(name = "sign_up_deadline")
    public LocalDate signUpDeadline;

    @Column(name = "sign_up_open", nullable = false)
    public boolean signUpOpen;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public LocalDateTime localStart() {
        return LocalDateTime.ofInstant(startsAt, zone());
    }

    public LocalDateTime localEnd() {
        return LocalDateTime.ofInstant(endsAt, zone());
    }

    public boolean isCancelled() {
        return CANCELLED.equals(status);
    }

    /** The tenant's activity with this id; empty for another tenant's, as for a missing one. */
    public static Optional<Activity> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** The activities of the tenant's programme, earliest first. */
    public static PanacheQuery<Activity> findForProgramme(String tenantId, UUID programmeId) {
        return find("tenantId = ?1 and programmeId = ?2 order by startsAt, id", tenantId, programmeId);
    }

    /** The tenant's activities overlapping [from, to), earliest first. */
    public static PanacheQuery<Activity> findBetween(String tenantId, Instant from, Instant to) {
        return find("tenantId = ?1 and endsAt > ?2 and startsAt < ?3 order by startsAt, id", tenantId, from, to);
    }
}
