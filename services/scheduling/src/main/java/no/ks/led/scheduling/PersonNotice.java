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

    /** The tenant's activity the notice is about, or null for a national event. */
    @Column(name = "activity_id")
    public UUID activityId;

    /** The national event the notice is about, or null for an activity. */
    @Column(name = "national_event_id")
    public UUID nationalEventId;

    @Column(nullable = false)
    public String kind;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * Records that a person moved up from a waiting list into a freed place, in the tenant they signed up through,
     * about an activity or a national event (the other id null).
     */
    public static PersonNotice movedUp(String tenantId, UUID personId, UUID activityId, UUID nationalEventId, Instant at) {
        PersonNotice notice = new PersonNotice();
        notice.id = UUID.randomUUID();
        notice.tenantId = tenantId;
        notice.personId = personId;
        notice.activityId = activityId;
        notice.nationalEventId = nationalEventId;
        notice.kind = MOVED_UP;
        notice.createdAt = at;
        notice.persist();
        return notice;
    }

    /** The person's notices in the tenant, newest first. */
    public static List<PersonNotice> of(String tenantId, UUID personId) {
        return list("tenantId = ?1 and personId = ?2 order by createdAt desc, id", tenantId, personId);
    }
}
