package no.ks.led.scheduling;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.download.StoredFile;

/** The agenda or a material of an activity: a file its organisers uploaded, read by the tenant's members. */
@Entity
@Table(name = "activity_attachment")
public class ActivityAttachment extends StoredFile {

    public static final String AGENDA = "agenda";
    public static final String MATERIAL = "material";

    @Column(name = "activity_id", nullable = false)
    public UUID activityId;

    /** {@link #AGENDA} or {@link #MATERIAL}. */
    @Column(nullable = false)
    public String kind;

    /** One of {@link AttachmentType}'s, checked against the content. */
    @Column(name = "media_type", nullable = false)
    public String mediaType;

    /** The activity's attachments, the agenda first, then in upload order. */
    public static List<ActivityAttachment> of(String tenantId, UUID activityId) {
        return list("tenantId = ?1 and activityId = ?2 order by case when kind = 'agenda' then 0 else 1 end, uploadedAt, id",
                tenantId, activityId);
    }

    /** The activity's attachment; empty for another tenant's or another activity's. */
    public static Optional<ActivityAttachment> find(String tenantId, UUID activityId, UUID attachmentId) {
        return find("tenantId = ?1 and activityId = ?2 and id = ?3", tenantId, activityId, attachmentId).firstResultOptional();
    }
}
