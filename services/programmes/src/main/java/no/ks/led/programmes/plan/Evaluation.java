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

/** An evaluation of a local plan: the cycle it closed, a summary, and the plan as it stood then. */
@Entity
@Table(name = "plan_evaluation")
public class Evaluation extends TenantScopedEntity {

    @Column(name = "programme_id", nullable = false)
    public UUID programmeId;

    @Column(nullable = false)
    public int cycle;

    @Column(nullable = false)
    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public PlanSnapshot snapshot;

    @Column(name = "evaluated_by", nullable = false)
    public String evaluatedBy;

    @Column(name = "evaluated_at", nullable = false)
    public Instant evaluatedAt;

    /** The programme's evaluations, oldest cycle first. */
    public static List<Evaluation> of(UUID programmeId) {
        return list("programmeId = ?1 order by cycle", programmeId);
    }
}
