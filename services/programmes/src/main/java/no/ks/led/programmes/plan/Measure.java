package no.ks.led.programmes.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/** A measure (tiltak) of a local plan: what is to be done, who is responsible, by when. */
@Entity
@Table(name = "plan_measure")
public class Measure extends TenantScopedEntity {

    @Column(name = "programme_id", nullable = false)
    public UUID programmeId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String responsible;

    /** The due date, in the tenant's zone. */
    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    /** The school it is for, or null for the whole programme. */
    @Column(name = "school_id")
    public UUID schoolId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** The programme's measures, by due date. */
    public static List<Measure> of(UUID programmeId) {
        return list("programmeId = ?1 order by dueOn, createdAt, id", programmeId);
    }
}
