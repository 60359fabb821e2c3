package no.ks.led.scheduling.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import no.ks.led.events.scheduling.ActivityCancelled;
import no.ks.led.events.scheduling.ActivityRescheduled;
import no.ks.led.events.scheduling.ActivityScheduled;
import no.ks.led.events.scheduling.SignUpOpened;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.foundation.idempotency.IdempotencyKey;
import no.ks.led.foundation.idempotency.IdempotencyKeys;
import no.ks.led.foundation.outbox.Outbox;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.scheduling.Activity;
import no.ks.led.scheduling.ProgrammeRef;
import no.ks.led.scheduling.repository.ActivityRepository;
import no.ks.led.scheduling.repository.BookingRepository;

/** Scheduling, rescheduling and cancelling activities; every change records its event in the same transaction. */
@ApplicationScoped
public class ActivityPlanning {

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    TenantZones zones;

    @Inject
    BookingRepository bookings;

    @Inject
    ActivityRepository activities;

    @Inject
    SpeakerInvitations invitations;

    @Inject
    CalendarChecks checks;

    /** What a coordinator asks for when scheduling an activity; times are local in the tenant's zone. */
    public record ActivityDraft(String kind, String title, LocalDateTime startsAt, LocalDateTime endsAt,
            UUID programmeId, String place, String room, List<UUID> schoolIds, Integer capacity,
            LocalDate signUpDeadline) {
    }

    /** A change of an activity: null fields stay as they are; times are local in the activity's zone. */
    public record ActivityChange(String title, LocalDateTime startsAt, LocalDateTime endsAt, String place, String room) {
    }

    /** The outcome of a create: the activity, and whether this call created it or a retry found it. */
    public record Created(Activity activity, boolean isNew) {
    }

    /** Schedules an activity; with an {@code idempotencyKey} (may be null) a retry gets the first one's activity. */
    @Transactional
    public Created schedule(String tenantId, ActivityDraft draft, UUID person, IdempotencyKey idempotencyKey) {
        if (idempotencyKey == null) {
            return new Created(newActivity(tenantId, draft), true);
        }
        var outcome = idempotencyKeys.once(idempotencyKey, new IdempotencyKeys.Scope("activity", tenantId, person.toString()),
                draft, () -> newActivity(tenantId, draft), a -> a.id,
                id -> Activity.findInTenant(tenantId, id).orElseThrow());
        return new Created(outcome.result(), outcome.isNew());
    }

    /** Moves (or renames, or re-places) an activity: SEQUENCE rises, booked speakers get the change by e-mail. */
    @Transactional
    public Activity reschedule(String tenantId, UUID activityId, ActivityChange change) {
        Activity activity = forUpdate(tenantId, activityId);
        if (!Activity.SCHEDULED.equals(activity.status)) {
            throw new ProblemException(ProblemType.ACTIVITY_NOT_SCHEDULED, "Only a scheduled activity can be changed");
        }
        ZoneId zone = activity.zone();
        Instant startsAt = change.startsAt() == null ? activity.startsAt : instant("startsAt", change.startsAt(), zone);
        Instant endsAt = change.endsAt() == null ? activity.endsAt : instant("endsAt", change.endsAt(), zone);
        if (!endsAt.isAfter(startsAt)) {
            throw ProblemException.invalidField(change.endsAt() == null ? "startsAt" : "endsAt", "must be after the start");
        }
        String title = change.title() == null ? activity.title : change.title().strip();
        String place = change.place() == null ? activity.place : blankToNull(change.place());
        String room = change.room() == null ? activity.room : blankToNull(change.room());
        boolean moved = !startsAt.equals(activity.startsAt) || !endsAt.equals(activity.endsAt);
        if (!moved && title.equals(activity.title) && Objects.equals(place, activity.place) && Objects.equals(room, activity.room)) {
            return activity;
        }
        if (room != null && (moved || !room.equals(activity.room))) {
            bookings.requireRoomFree(tenantId, room, activity.id, startsAt, endsAt);
        }
        if (moved) {
            bookings.moveBookings(activity.id, startsAt, endsAt);
        }
        activity.startsAt = startsAt;
        activity.endsAt = endsAt;
        activity.title = title;
        activity.place = place;
        activity.room = room;
        activity.sequence++;
        activity.lastModified = now();
        outbox.record(tenantId, new ActivityRescheduled(activity.id, tenantId, startsAt, endsAt, place, activity.sequence,
                activity.lastModified));
        invitations.notifySpeakers(activity);
        return activity;
    }

    /** Cancels an activity: it stays in feeds as cancelled, its speakers are free again and told by e-mail. */
    @Transactional
    public Activity cancel(String tenantId, UUID activityId, String reason) {
        Activity activity = forUpdate(tenantId, activityId);
        if (activity.isCancelled()) {
            return activity;
        }
        boolean wasScheduled = Activity.SCHEDULED.equals(activity.status);
        activity.status = Activity.CANCELLED;
        activity.cancelReason = blankToNull(reason);
        activity.sequence++;
        activity.lastModified = now();
        bookings.releaseBookings(activity.id);
        outbox.record(tenantId, new ActivityCancelled(activity.id, tenantId, activity.cancelReason, activity.lastModified));
        if (wasScheduled) {
            invitations.notifySpeakers(activity);
        }
        return activity;
    }

    /** The coordinator confirms a proposal from the programme's plan, at the proposed time or another. */
    @Transactional
    public Activity confirmProposal(String tenantId, UUID activityId, LocalDateTime startsAt, LocalDateTime endsAt) {
        Activity activity = forUpdate(tenantId, activityId);
        if (!Activity.PROPOSED.equals(activity.status)) {
            throw new ProblemException(ProblemType.CONFLICT, "The activity is not a proposal");
        }
        ZoneId zone = activity.zone();
        Instant from = startsAt == null ? activity.startsAt : instant("startsAt", startsAt, zone);
        Instant to = endsAt == null ? activity.endsAt : instant("endsAt", endsAt, zone);
        if (!to.isAfter(from)) {
            throw ProblemException.invalidField("endsAt", "must be after the start");
        }
        if (activity.room != null) {
            bookings.requireRoomFree(tenantId, activity.room, activity.id, from, to);
        }
        activity.startsAt = from;
        activity.endsAt = to;
        activity.status = Activity.SCHEDULED;
        activity.lastModified = now();
        recordScheduled(activity);
        return activity;
    }

    /** A proposal from a programme's planned activity, at 09:00–15:00 of its days until the coordinator decides. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void propose(UUID plannedActivityId, UUID programmeId, String tenantId, String kind, String title,
            LocalDate startsOn, LocalDate endsOn, String place) {
        if (Activity.count("tenantId = ?1 and plannedActivityId = ?2", tenantId, plannedActivityId) > 0) {
            return;
        }
        ZoneId zone = zones.of(tenantId);
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.tenantId = tenantId;
        activity.programmeId = programmeId;
        activity.plannedActivityId = plannedActivityId;
        activity.kind = kind;
        activity.title = title;
        activity.startsAt = instant("startsOn", startsOn.atTime(9, 0), zone);
        activity.endsAt = instant("endsOn", (endsOn == null || endsOn.isBefore(startsOn) ? startsOn : endsOn).atTime(15, 0), zone);
        activity.timeZone = zone.getId();
        activity.place = place;
        activity.status = Activity.PROPOSED;
        activity.createdAt = now();
        activity.lastModified = activity.createdAt;
        activity.persist();
    }

    /** Records the coordinator's confirmation of one of the activity's warnings; 404 if it has no such warning now. */
    @Transactional
    public void confirmWarning(String tenantId, UUID activityId, String code, UUID person) {
        Activity activity = Activity.findInTenant(tenantId, activityId)
                .orElseThrow(() -> ProblemException.notFound("Activity " + activityId));
        if (!checks.confirm(activity, code, person)) {
            throw ProblemException.notFound("Warning " + code + " of activity " + activityId);
        }
    }

    /** The tenant's activity, locked for a change; 404 for another tenant's, as for a missing one. */
    static Activity forUpdate(String tenantId, UUID activityId) {
        Activity activity = Activity.findById(activityId, LockModeType.PESSIMISTIC_WRITE);
        if (activity == null || !activity.tenantId.equals(tenantId)) {
            throw ProblemException.notFound("Activity " + activityId);
        }
        return activity;
    }

    private Activity newActivity(String tenantId, ActivityDraft draft) {
        ZoneId zone = zones.of(tenantId);
        Instant startsAt = instant("startsAt", draft.startsAt(), zone);
        Instant endsAt = instant("endsAt", draft.endsAt(), zone);
        if (!endsAt.isAfter(startsAt)) {
            throw ProblemException.invalidField("endsAt", "must be after startsAt");
        }
        if (draft.programmeId() != null && !ProgrammeRef.existsInTenant(tenantId, draft.programmeId())) {
            throw ProblemException.invalidField("programmeId", "is not a programme of the tenant");
        }
        for (UUID school : draft.schoolIds() == null ? List.<UUID>of() : draft.schoolIds()) {
            if (!activities.isSchoolOf(tenantId, school)) {
                throw ProblemException.invalidField("schoolIds", "names a school that is not one of the tenant's");
            }
        }
        if (draft.signUpDeadline() != null && draft.signUpDeadline().isAfter(draft.startsAt().toLocalDate())) {
            throw ProblemException.invalidField("signUpDeadline", "must not be after the activity starts");
        }
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.tenantId = tenantId;
        activity.programmeId = draft.programmeId();
        activity.kind = draft.kind();
        activity.title = draft.title().strip();
        activity.startsAt = startsAt;
        activity.endsAt = endsAt;
        activity.timeZone = zone.getId();
        activity.place = blankToNull(draft.place());
        activity.room = blankToNull(draft.room());
        activity.schoolIds = draft.schoolIds() == null ? new UUID[0] : draft.schoolIds().stream().distinct().toArray(UUID[]::new);
        activity.status = Activity.SCHEDULED;
        activity.capacity = draft.capacity();
        activity.signUpDeadline = draft.signUpDeadline();
        activity.createdAt = now();
        activity.lastModified = activity.createdAt;
        if (activity.room != null) {
            bookings.requireRoomFree(tenantId, activity.room, activity.id, startsAt, endsAt);
        }
        activity.persist();
        recordScheduled(activity);
        return activity;
    }

    private void recordScheduled(Activity activity) {
        outbox.record(activity.tenantId, new ActivityScheduled(activity.id, activity.tenantId, activity.programmeId,
                activity.plannedActivityId, activity.kind, activity.title, activity.startsAt, activity.endsAt,
                activity.timeZone, activity.place, activity.lastModified));
        if (activity.capacity != null || activity.signUpDeadline != null) {
            activity.signUpOpen = true;
            outbox.record(activity.tenantId, new SignUpOpened(activity.id, activity.tenantId, activity.signUpDeadline,
                    activity.capacity, activity.lastModified));
        }
    }

    /** A local time in the zone; a time in the spring-forward gap moves forward by the gap's length. */
    static Instant instant(String field, LocalDateTime local, ZoneId zone) {
        if (local.getYear() < 1900 || local.getYear() > 2500) {
            throw ProblemException.invalidField(field, "must be in the years 1900 to 2500");
        }
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
