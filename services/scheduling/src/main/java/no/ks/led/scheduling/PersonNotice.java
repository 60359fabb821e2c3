package no.ks.led.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/** Something a person is told about an activity, such as being moved up from the waiting list. */
@Entity
@Table(name = "person_notice")
public class PersonNotice extends TenantScopedEntity {

    public static final String MOVED_UP = "moved-up-from-waiting-list";

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "activity_id", nullable = false)
    public UUID activityId;

    @Column(nullable = false)
    public String kind;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The person's notices in the tenant, newest first. */
    public static List<PersonNotice> of(String tenantId, UUID personId) {
        return list("tenantId = ?1 and personId = ?2 order by createdAt desc, id", tenantId, personId);
    }
}
