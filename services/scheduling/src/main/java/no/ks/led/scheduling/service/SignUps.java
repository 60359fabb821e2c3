package no.ks.led.scheduling.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.events.scheduling.AttendanceRecorded;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.outbox.Outbox;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.scheduling.Activity;
import no.ks.led.scheduling.PersonNotice;
import no.ks.led.scheduling.SignUp;
import no.ks.led.scheduling.repository.SignUpRepository;

/**
 * Sign-up for activities: up to the capacity confirmed, then a waiting list in order of signing up; a
 * cancellation moves the first waiting person up and tells them. Dietary needs are deleted after the event.
 */
@ApplicationScoped
public class SignUps {

    private static final List<TenantRole> ORGANISERS = List.of(TenantRole.COORDINATOR, TenantRole.OWNER_EXECUTIVE);

    @Inject
    Outbox outbox;

    @Inject
    SignUpRepository repository;

    /** Signs the caller up: confirmed while there is room, else waiting. */
    @Transactional
    public SignUp signUp(String tenantId, UUID activityId, UUID personId, String dietaryNeeds, String email) {
        Activity activity = ActivityPlanning.forUpdate(tenantId, activityId);
        if (!Activity.SCHEDULED.equals(activity.status)) {
            throw new ProblemException(ProblemType.ACTIVITY_NOT_SCHEDULED, "Only a scheduled activity takes sign-ups");
        }
        requireOpen(activity.startsAt, activity.signUpDeadline, activity.zone());
        List<SignUp> current = SignUp.current(tenantId, activityId);
        if (current.stream().anyMatch(s -> s.personId.equals(personId))) {
            throw new ProblemException(ProblemType.ALREADY_SIGNED_UP, "You are signed up already");
        }
        long confirmed = current.stream().filter(s -> SignUp.CONFIRMED.equals(s.status)).count();
        SignUp signUp = new SignUp();
        signUp.id = UUID.randomUUID();
        signUp.tenantId = tenantId;
        signUp.activityId = activityId;
        signUp.personId = personId;
        signUp.status = SignUp.statusFor(activity.capacity, confirmed);
        signUp.dietaryNeeds = dietaryNeeds == null || dietaryNeeds.isBlank() ? null : dietaryNeeds.strip();
        signUp.email = email;
        signUp.signedUpAt = ActivityPlanning.now();
        signUp.persist();
        return signUp;
    }

    /** Fails with 409 {@code sign-up-closed} once the deadline (a day in the zone) has passed or the event has started. */
    static void requireOpen(Instant startsAt, LocalDate deadline, ZoneId zone) {
        if (!startsAt.isAfter(Instant.now()) || (deadline != null && LocalDate.now(zone).isAfter(deadline))) {
            throw new ProblemException(ProblemType.SIGN_UP_CLOSED, "The sign-up deadline has passed");
        }
    }

    /**
     * Cancels a sign-up (the person's own, or any for an organiser); a freed place goes to the first waiting
     * person, who gets a notice.
     */
    @Transactional
    public SignUp cancel(Grant grant, UUID activityId, UUID signUpId) {
        Activity activity = ActivityPlanning.forUpdate(grant.tenantId(), activityId);
        SignUp signUp = find(grant, activityId, signUpId);
        if (SignUp.CANCELLED.equals(signUp.status)) {
            return signUp;
        }
        boolean freedAPlace = SignUp.CONFIRMED.equals(signUp.status);
        signUp.status = SignUp.CANCELLED;
        signUp.cancelledAt = ActivityPlanning.now();
        signUp.dietaryNeeds = null;
        signUp.email = null;
        if (freedAPlace) {
            Optional<SignUp> first = SignUp.current(grant.tenantId(), activityId).stream()
                    .filter(s -> SignUp.WAITING.equals(s.status)).findFirst();
            first.ifPresent(next -> {
                next.status = SignUp.CONFIRMED;
                PersonNotice.movedUp(activity.tenantId, next.personId, activity.id, null, signUp.cancelledAt);
            });
        }
        return signUp;
    }

    /** An organiser records whether the person attended. */
    @Transactional
    public SignUp recordAttendance(Grant grant, UUID activityId, UUID signUpId, boolean attended) {
        SignUp signUp = find(grant, activityId, signUpId);
        if (SignUp.CANCELLED.equals(signUp.status)) {
            throw new ProblemException(ProblemType.CONFLICT, "The sign-up was cancelled");
        }
        signUp.attended = attended;
        outbox.record(grant.tenantId(), new AttendanceRecorded(activityId, grant.tenantId(), signUp.personId, attended,
                ActivityPlanning.now()));
        return signUp;
    }

    /** The sign-ups an organiser sees (all), or a participant (their own). */
    @Transactional
    public List<SignUp> visibleTo(Grant grant, UUID activityId) {
        Activity.findInTenant(grant.tenantId(), activityId).orElseThrow(() -> ProblemException.notFound("Activity " + activityId));
        return SignUp.<SignUp>list("tenantId = ?1 and activityId = ?2 order by signedUpAt, id", grant.tenantId(), activityId)
                .stream().filter(s -> grant.hasAny(ORGANISERS) || s.personId.equals(grant.personId())).toList();
    }

    @Scheduled(identity = "dietary-needs-purge", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void forgetDietaryNeedsScheduled() {
        forgetDietaryNeeds(Instant.now());
    }

    /** Deletes the dietary needs (and the addresses) of activities that have ended; answers how many sign-ups had some. */
    @Transactional
    public int forgetDietaryNeeds(Instant now) {
        return repository.forgetDietaryNeeds(now);
    }

    private static SignUp find(Grant grant, UUID activityId, UUID signUpId) {
        return SignUp.<SignUp>find("tenantId = ?1 and activityId = ?2 and id = ?3", grant.tenantId(), activityId, signUpId)
                .firstResultOptional()
                .filter(s -> grant.hasAny(ORGANISERS) || s.personId.equals(grant.personId()))
                .orElseThrow(() -> ProblemException.notFound("Sign-up " + signUpId));
    }
}
