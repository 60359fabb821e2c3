package no.ks.led.programmes.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/** A phase of a local plan completed in an evaluation cycle. */
@Entity
@Table(name = "plan_phase_done")
public class PhaseDone extends TenantScopedEntity {

    @Column(name = "programme_id", nullable = false)
    public UUID programmeId;

    @Column(nullable = false)
    public int cycle;

    @Column(nullable = false)
    public String phase;

    @Column(name = "completed_by", nullable = false)
    public String completedBy;

    @Column(name = "completed_at", nullable = false)
    public Instant completedAt;

    /** The phases completed in a cycle of the programme. */
    public static List<PhaseDone> of(UUID programmeId, int cycle) {
        return list("programmeId = ?1 and cycle = ?2", programmeId, cycle);
    }
}
