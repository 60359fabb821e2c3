package no.ks.led.programmes.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/** A getting-started step someone marked as done, and when. */
@Entity
@Table(name = "plan_step_done")
public class StepDone extends TenantScopedEntity {

    @Column(name = "programme_id", nullable = false)
    public UUID programmeId;

    @Column(name = "step_code", nullable = false)
    public String stepCode;

    @Column(name = "done_by", nullable = false)
    public String doneBy;

    @Column(name = "done_at", nullable = false)
    public Instant doneAt;

    /** The programme's done steps. */
    public static List<StepDone> of(UUID programmeId) {
        return list("programmeId", programmeId);
    }
}
