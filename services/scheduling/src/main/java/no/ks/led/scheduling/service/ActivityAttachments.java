package no.ks.led.scheduling.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.scheduling.Activity;
import no.ks.led.scheduling.ActivityAttachment;
import no.ks.led.scheduling.AttachmentType;

/**
 * An activity's agenda and materials: its organisers attach files, checked for size, name and type by their
 * content, and remove them; the tenant's members list and download them.
 */
@ApplicationScoped
public class ActivityAttachments {

    /** The largest file taken: 10 MB, as the fund's claims take. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** The most files an activity holds. */
    public static final int MAX_PER_ACTIVITY = 20;

    /** Attaches a file to the tenant's activity; the activity is locked so the count holds under concurrent uploads. */
    @Transactional
    public ActivityAttachment attach(String tenantId, UUID activityId, String kind, String fileName, String contentType,
            byte[] content) {
        Activity activity = ActivityPlanning.forUpdate(tenantId, activityId);
        if (Activity.CANCELLED.equals(activity.status)) {
            throw new ProblemException(ProblemType.ACTIVITY_NOT_SCHEDULED, "The activity is cancelled");
        }
        String chosenKind = kind == null ? ActivityAttachment.MATERIAL : kind;
        if (!chosenKind.equals(ActivityAttachment.AGENDA) && !chosenKind.equals(ActivityAttachment.MATERIAL)) {
            throw ProblemException.invalidField("kind", "must be agenda or material");
        }
        AttachmentType type = AttachmentType.of(contentType).orElseThrow(() -> new ProblemException(
                ProblemType.UNSUPPORTED_MEDIA_TYPE, "The file must be one of " + AttachmentType.mediaTypes()));
        String name = fileName == null ? "" : fileName.strip();
        if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\')) {
            throw ProblemException.invalidField("name", "is required: a file name of at most 200 characters, without / or \\");
        }
        if (!type.namesMatch(name)) {
            throw ProblemException.invalidField("name", "must end in " + String.join(" or ", type.extensions())
                    + " for " + type.mediaType());
        }
        if (content == null || content.length == 0 || content.length > MAX_BYTES) {
            throw ProblemException.invalidField("file", "must be 1 byte to 10 MB");
        }
        if (!type.recognises(content)) {
            throw ProblemException.invalidField("file", "is not a " + type.mediaType() + " file");
        }
        if (ActivityAttachment.count("tenantId = ?1 and activityId = ?2", tenantId, activityId) >= MAX_PER_ACTIVITY) {
            throw ProblemException.invalidField("file", "an activity holds at most " + MAX_PER_ACTIVITY + " files; remove one first");
        }
        ActivityAttachment attachment = new ActivityAttachment();
        attachment.id = UUID.randomUUID();
        attachment.tenantId = tenantId;
        attachment.activityId = activityId;
        attachment.kind = chosenKind;
        attachment.fileName = name;
        attachment.mediaType = type.mediaType();
        attachment.sizeBytes = content.length;
        attachment.content = content;
        attachment.uploadedAt = Instant.now();
        attachment.persist();
        return attachment;
    }

    /** The activity's files; 404 for another tenant's activity, as for a missing one. */
    @Transactional
    public List<ActivityAttachment> of(String tenantId, UUID activityId) {
        requireActivity(tenantId, activityId);
        return ActivityAttachment.of(tenantId, activityId);
    }

    /** One of the activity's files, with its content. */
    @Transactional
    public ActivityAttachment get(String tenantId, UUID activityId, UUID attachmentId) {
        ActivityAttachment attachment = ActivityAttachment.find(tenantId, activityId, attachmentId)
                .orElseThrow(() -> ProblemException.notFound("Attachment " + attachmentId));
        Objects.requireNonNull(attachment.content); // reading the lazy content inside the transaction loads it
        return attachment;
    }

    /** Removes one of the activity's files; removing one already gone is a 404. */
    @Transactional
    public void remove(String tenantId, UUID activityId, UUID attachmentId) {
        if (ActivityAttachment.delete("tenantId = ?1 and activityId = ?2 and id = ?3", tenantId, activityId, attachmentId) == 0) {
            throw ProblemException.notFound("Attachment " + attachmentId);
        }
    }

    private static void requireActivity(String tenantId, UUID activityId) {
        Activity.findInTenant(tenantId, activityId).orElseThrow(() -> ProblemException.notFound("Activity " + activityId));
    }
}
