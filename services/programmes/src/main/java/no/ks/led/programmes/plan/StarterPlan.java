package no.ks.led.programmes.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;
import no.ks.led.programmes.Framework;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A new leader's personal follow-up plan from the programme's starter pack: made when a principal or school
 * leader joins a school of the running programme, and followed up by the owner's coordinator.
 */
@Entity
@Table(name = "starter_plan")
public class StarterPlan extends TenantScopedEntity {

    /** The role that follows the plan up. */
    public static final String ASSIGNED_ROLE = "coordinator";

    /** The starter pack's items as they were when the plan was made. */
    public record Items(List<Framework.Step> steps) {

        public Items {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    @Column(name = "programme_id", nullable = false)
    public UUID programmeId;

    /** The membership that made the person a leader of the school. */
    @Column(name = "membership_id", nullable = false)
    public UUID membershipId;

    /** The new leader. */
    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "school_id", nullable = false)
    public UUID schoolId;

    /** {@code principal} or {@code school-leader}. */
    @Column(nullable = false)
    public String role;

    @Column(name = "assigned_role", nullable = false)
    public String assignedRole;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Items items;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The programme's starter plans, oldest first. */
    public static List<StarterPlan> of(String tenantId, UUID programmeId) {
        return list("tenantId = ?1 and programmeId = ?2 order by createdAt, id", tenantId, programmeId);
    }
}
