package no.ks.led.programmes.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/** Who takes part in a track of a programme: a school, a role, a named person, or a combination. */
@Entity
@Table(name = "plan_participant")
public class Participant extends TenantScopedEntity {

    @Column(name = "programme_id", nullable = false)
    public UUID programmeId;

    @Column(nullable = false)
    public String track;

    @Column(name = "school_id")
    public UUID schoolId;

    public String role;

    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** The programme's participants, oldest first. */
    public static List<Participant> of(UUID programmeId) {
        return list("programmeId = ?1 order by createdAt, id", programmeId);
    }
}
