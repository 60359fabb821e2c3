package no.ks.led.programmes.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/** A written entry of a local plan: a note, a future picture, a goal, a chosen theme or module. */
@Entity
@Table(name = "plan_entry")
public class PlanEntry extends TenantScopedEntity {

    @Column(name = "programme_id", nullable = false)
    public UUID programmeId;

    @Column(nullable = false)
    public String kind;

    /** The school it is about, or null for the whole programme. */
    @Column(name = "school_id")
    public UUID schoolId;

    @Column(nullable = false)
    public String text;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** The programme's entries, oldest first. */
    public static List<PlanEntry> of(UUID programmeId) {
        return list("programmeId = ?1 order by createdAt, id", programmeId);
    }
}
