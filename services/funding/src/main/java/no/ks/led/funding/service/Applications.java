package no.ks.led.funding.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import no.ks.led.events.funding.FundingApplied;
import no.ks.led.events.funding.FundingApproved;
import no.ks.led.events.funding.FundingRefused;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.foundation.idempotency.IdempotencyKey;
import no.ks.led.foundation.idempotency.IdempotencyKeys;
import no.ks.led.foundation.outbox.Outbox;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.funding.FundingApplication;
import no.ks.led.funding.FundingPolicy;
import no.ks.led.funding.FundingTenant;
import no.ks.led.funding.ScheduledActivity;
import no.ks.led.funding.numbers.CaseNumber;
import no.ks.led.funding.refund.Basis;
import no.ks.led.funding.refund.PolicyRules;
import no.ks.led.funding.refund.Refund;

/**
 * Applications from scheduled activities and their workflow: draft, submitted, then approved, refused or withdrawn.
 * Every change records its event in the same transaction.
 */
@ApplicationScoped
public class Applications {

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    TenantZones zones;

    /**
     * What an application is for: its title, the policy, the activities, and study fees (per person and semester).
     * Its canonical JSON is the Idempotency-Key's fingerprint.
     */
    public record Preparation(String title, String policy, List<UUID> activityIds, List<Basis.StudyFee> studyFees) {

        /** An application for activities only. */
        public Preparation(String title, String policy, List<UUID> activityIds) {
            this(title, policy, activityIds, List.of());
        }
    }

    /** The outcome of a create: the application, and whether this call created it or a retry found it. */
    public record Prepared(FundingApplication application, boolean isNew) {
    }

    /**
     * A decision on the application: {@code status} is the new one ({@code submitted}, {@code approved},
     * {@code refused}, {@code withdrawn}), {@code on} its day (today when null); approval names the case number,
     * amount and expiry, refusal a reason.
     */
    public record Decision(String status, LocalDate on, String caseNumber, Long approvedOre, LocalDate expiresOn,
            String reason) {
    }

    /** Prepares a draft from scheduled activities with the maximum grant under the policy's newest version. */
    @Transactional
    public Prepared prepare(String tenantId, Preparation preparation, String createdBy, IdempotencyKey key) {
        FundingPolicy policy = PolicyCatalogue.latestOrInvalid(preparation.policy(), "policy");
        List<ScheduledActivity> activities = activities(tenantId, preparation.activityIds());
        if (key == null) {
            return new Prepared(newApplication(tenantId, preparation, policy, activities, createdBy), true);
        }
        var outcome = idempotencyKeys.once(key, new IdempotencyKeys.Scope("funding-application", tenantId, createdBy),
                preparation, () -> newApplication(tenantId, preparation, policy, activities, createdBy),
                application -> application.id, id -> FundingApplication.findInTenant(tenantId, id).orElseThrow());
        return new Prepared(outcome.result(), outcome.isNew());
    }

    /** Moves the application on; a step its status does not allow is a 409. */
    @Transactional
    public FundingApplication decide(String tenantId, UUID applicationId, Decision decision) {
        FundingApplication application = forUpdate(tenantId, applicationId);
        LocalDate today = LocalDate.now(zones.of(tenantId));
        LocalDate on = decision.on() == null ? today : decision.on();
        if (on.isAfter(today)) {
            throw ProblemException.invalidField("on", "must not be in the future");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        switch (decision.status()) {
            case FundingApplication.SUBMITTED -> submit(application, on, today, now);
            case FundingApplication.APPROVED -> approve(application, decision, on, now);
            case FundingApplication.REFUSED -> {
                requireStatus(application, FundingApplication.SUBMITTED);
                if (decision.reason() == null || decision.reason().isBlank()) {
                    throw ProblemException.invalidField("reason", "is required when the fund refuses");
                }
                refuse(application, decision.reason().strip(), on, now);
            }
            case FundingApplication.WITHDRAWN -> {
                requireStatus(application, FundingApplication.DRAFT, FundingApplication.SUBMITTED);
                application.status = FundingApplication.WITHDRAWN;
                application.decidedOn = on;
            }
            default -> throw ProblemException.invalidField("status", "must be submitted, approved, refused or withdrawn");
        }
        return application;
    }

    /**
     * Submits: first the platform's own checks of the policy, which refuse with the reason what the fund would
     * (an owner it does not cover; a second large programme while one grant is running).
     */
    private void submit(FundingApplication application, LocalDate on, LocalDate today, Instant now) {
        requireStatus(application, FundingApplication.DRAFT);
        PolicyRules rules = FundingPolicy.version(application.policyId, application.policyVersion).orElseThrow().rules;
        application.submittedOn = on;
        Optional<String> refusal = refusal(application, rules, today);
        if (refusal.isPresent()) {
            refuse(application, refusal.get(), on, now);
            return;
        }
        application.status = FundingApplication.SUBMITTED;
        outbox.record(application.tenantId, new FundingApplied(application.id, application.tenantId, application.programmeId,
                application.activityIds, application.policyId, application.policyVersion, application.requestedOre, on, now));
    }

    private static Optional<String> refusal(FundingApplication application, PolicyRules rules, LocalDate today) {
        Optional<FundingTenant> owner = FundingTenant.of(application.tenantId);
        if (owner.isPresent() && !rules.covers(owner.get().organisationNumber)) {
            return Optional.of(owner.get().name + " (organisation number " + owner.get().organisationNumber
                    + ") is not covered by this fund: it has its own agreement");
        }
        if (rules.allowsOneRunningLargeGrant() && rules.isLargeProgramme(application.days)) {
            for (FundingApplication other : FundingApplication.<FundingApplication>list("tenantId = ?1 and id <> ?2",
                    application.tenantId, application.id)) {
                if (other.isRunningOn(today) && rules.isLargeProgramme(other.days)) {
                    return Optional.of("A grant for a large programme is running already (case " + other.caseNumber
                            + (other.expiresOn == null ? "" : ", until " + other.expiresOn)
                            + "): the fund normally allows one at a time");
                }
            }
        }
        return Optional.empty();
    }

    private void approve(FundingApplication application, Decision decision, LocalDate on, Instant now) {
        requireStatus(application, FundingApplication.SUBMITTED);
        String caseNumber = CaseNumber.normalised(decision.caseNumber());
        if (caseNumber == null) {
            throw ProblemException.invalidField("caseNumber", "is required, in the form 21/12345");
        }
        if (decision.approvedOre() == null) {
            throw ProblemException.invalidField("approvedOre", "is required when the fund approves");
        }
        if (decision.approvedOre() > application.requestedOre) {
            throw ProblemException.invalidField("approvedOre", "must not exceed the amount applied for");
        }
        if (on.isBefore(application.submittedOn)) {
            throw ProblemException.invalidField("on", "must not be before the submission on " + application.submittedOn);
        }
        if (decision.expiresOn() == null || decision.expiresOn().isBefore(on)) {
            throw ProblemException.invalidField("expiresOn", "is required, on or after the approval");
        }
        application.status = FundingApplication.APPROVED;
        application.caseNumber = caseNumber;
        application.approvedOre = decision.approvedOre();
        application.expiresOn = decision.expiresOn();
        application.decidedOn = on;
        outbox.record(application.tenantId, new FundingApproved(application.id, application.tenantId, application.activityIds,
                caseNumber, application.approvedOre, application.expiresOn, now));
    }

    private void refuse(FundingApplication application, String reason, LocalDate on, Instant now) {
        application.status = FundingApplication.REFUSED;
        application.reason = reason;
        application.decidedOn = on;
        outbox.record(application.tenantId, new FundingRefused(application.id, application.tenantId, application.activityIds,
                reason, now));
    }

    private static void requireStatus(FundingApplication application, String... allowed) {
        if (!List.of(allowed).contains(application.status)) {
            throw new ProblemException(ProblemType.FUNDING_STATUS_CONFLICT,
                    "The application is " + application.status + "; this needs it " + String.join(" or ", allowed));
        }
    }

    /** The tenant's application, locked for a change; 404 for another tenant's, as for a missing one. */
    static FundingApplication forUpdate(String tenantId, UUID applicationId) {
        FundingApplication application = FundingApplication.findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (application == null || !application.tenantId.equals(tenantId)) {
            throw ProblemException.notFound("Funding application " + applicationId);
        }
        return application;
    }

    /** The named activities, each the tenant's and not cancelled; a 400 naming activityIds otherwise. */
    private static List<ScheduledActivity> activities(String tenantId, List<UUID> ids) {
        List<ScheduledActivity> activities = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(ids)) {
            ScheduledActivity activity = ScheduledActivity.findInTenant(tenantId, id)
                    .filter(a -> a.startsAt != null)
                    .orElseThrow(() -> ProblemException.invalidField("activityIds", id + " is not a scheduled activity of the tenant"));
            if (activity.cancelled) {
                throw ProblemException.invalidField("activityIds", id + " is cancelled");
            }
            activities.add(activity);
        }
        return activities;
    }

    private FundingApplication newApplication(String tenantId, Preparation preparation, FundingPolicy policy,
            List<ScheduledActivity> activities, String createdBy) {
        ZoneId zone = zones.of(tenantId);
        Basis activityBasis = ActivityCosts.basis(activities, zone);
        Basis basis = new Basis(activityBasis.days(), activityBasis.participantFees(), preparation.studyFees());
        String[] refused = policy.rules.cannotTake(basis);
        if (refused != null) {
            throw ProblemException.invalidField(refused[0].equals("studyFees") ? "studyFees" : "policy", refused[1]);
        }
        Refund refund = Refund.under(policy.rules, basis);
        FundingApplication application = new FundingApplication();
        application.id = UUID.randomUUID();
        application.tenantId = tenantId;
        application.title = preparation.title().strip();
        application.status = FundingApplication.DRAFT;
        application.policyId = policy.policyId();
        application.policyVersion = policy.version();
        application.programmeId = activities.stream().map(a -> a.programmeId).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        application.activityIds = activities.stream().map(a -> a.activityId).toList();
        application.days = basis.dayCount();
        application.costOre = refund.costOre();
        application.requestedOre = refund.refundOre();
        application.lines = refund.lines();
        application.createdBy = createdBy;
        application.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        application.persist();
        return application;
    }
}
