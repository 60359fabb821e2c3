package no.ks.led.programmes.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A change to a local plan that a consultant proposed; the owner accepts or rejects it. */
@Entity
@Table(name = "plan_proposal")
public class Proposal extends TenantScopedEntity {

    public static final String PROPOSED = "proposed";
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";

    @Column(name = "programme_id", nullable = false)
    public UUID programmeId;

    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;

    /** The school the change is about, or null: a consultant proposes only within their engagement's schools. */
    @Column(name = "school_id")
    public UUID schoolId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public PlanChange change;

    public String note;

    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public String reason;

    /** The programme's proposals, oldest first. */
    public static List<Proposal> of(UUID programmeId) {
        return list("programmeId = ?1 order by createdAt, id", programmeId);
    }
}
