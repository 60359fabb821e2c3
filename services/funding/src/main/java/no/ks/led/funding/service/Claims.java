package no.ks.led.funding.service;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import no.ks.led.events.funding.ClaimSubmitted;
import no.ks.led.events.funding.RefundReceived;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.foundation.outbox.Outbox;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.funding.ClaimAttachment;
import no.ks.led.funding.FundingApplication;
import no.ks.led.funding.FundingClaim;
import no.ks.led.funding.FundingPolicy;
import no.ks.led.funding.FundingSchool;
import no.ks.led.funding.ScheduledActivity;
import no.ks.led.funding.numbers.AccountNumber;
import no.ks.led.funding.numbers.OrganisationNumber;
import no.ks.led.funding.refund.Basis;
import no.ks.led.funding.refund.Refund;
import org.apache.pdfbox.Loader;

/**
 * Refund claims after the event: the refund under the application's policy version (never a newer one), nothing for
 * a day held before the approval, at most the approved amount; invoices and the approval letter as PDF.
 */
@ApplicationScoped
public class Claims {

    /** The largest attachment taken: 10 MB. */
    public static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

    @Inject
    Outbox outbox;

    @Inject
    TenantZones zones;

    @Inject
    FundingConfig config;

    /** What a claim asks: the approved application, the owner's numbers and the actual costs per day and speaker. */
    public record ClaimCommand(UUID applicationId, String organisationNumber, String accountNumber, List<Basis.Day> days) {
    }

    /** Builds a draft claim; blocked before the application's last activity is held. */
    @Transactional
    public FundingClaim prepare(String tenantId, ClaimCommand command, String createdBy) {
        FundingApplication application = FundingApplication.findInTenant(tenantId, command.applicationId())
                .orElseThrow(() -> ProblemException.invalidField("applicationId", "is not an application of the tenant"));
        if (!FundingApplication.APPROVED.equals(application.status)) {
            throw new ProblemException(ProblemType.FUNDING_STATUS_CONFLICT,
                    "The application is " + application.status + "; a claim needs it approved");
        }
        if (!OrganisationNumber.isValid(command.organisationNumber())) {
            throw ProblemException.invalidField("organisationNumber", "is not a valid organisation number (nine digits, mod-11)");
        }
        if (FundingSchool.isSchoolNumber(tenantId, command.organisationNumber())) {
            throw ProblemException.invalidField("organisationNumber", "is a school's: the claim names the owner's own number");
        }
        if (!AccountNumber.isValid(command.accountNumber())) {
            throw ProblemException.invalidField("accountNumber", "is not a valid account number (eleven digits, mod-11)");
        }
        ZoneId zone = zones.of(tenantId);
        LocalDate today = LocalDate.now(zone);
        Set<LocalDate> activityDays = new HashSet<>();
        LocalDate last = null;
        for (UUID id : application.activityIds) {
            ScheduledActivity activity = ScheduledActivity.<ScheduledActivity>findById(id);
            if (activity == null || activity.cancelled || activity.startsAt == null) {
                continue;
            }
            List<LocalDate> days = activity.days(zone);
            activityDays.addAll(days);
            LocalDate end = days.get(days.size() - 1);
            last = last == null || end.isAfter(last) ? end : last;
        }
        if (last != null && !today.isAfter(last)) {
            throw new ProblemException(ProblemType.CLAIM_BEFORE_LAST_ACTIVITY,
                    "The last activity ends " + last + ": the claim can be sent from the day after");
        }
        for (Basis.Day day : command.days()) {
            if (!activityDays.contains(day.date())) {
                throw ProblemException.invalidField("days.date", day.date() + " is not a day of the application's activities");
            }
        }
        FundingPolicy policy = FundingPolicy.version(application.policyId, application.policyVersion).orElseThrow();
        Basis basis = new Basis(command.days(), List.of());
        String[] refused = policy.rules.cannotTake(basis);
        if (refused != null) {
            throw ProblemException.invalidField(refused[0], refused[1]);
        }
        List<String> warnings = new ArrayList<>();
        Refund refund = Refund.under(policy.rules, basis);
        List<LocalDate> before = command.days().stream().map(Basis.Day::date)
                .filter(d -> d.isBefore(application.decidedOn)).sorted().toList();
        if (policy.rules.requiresApprovalBeforeEvent() && !before.isEmpty()) {
            warnings.add("held-before-approval: " + before + " were held before the approval on " + application.decidedOn
                    + ", so the fund refunds nothing for them");
        }
        refund = refund.asApproved(policy.rules, application.decidedOn, application.approvedOre);
        if (application.expiresOn != null && today.isAfter(application.expiresOn)) {
            warnings.add("after-expiry: the grant expired " + application.expiresOn);
        }
        int year = today.getYear();
        if (today.isAfter(config.claimYearEnd().atYear(year).minusDays(1))) {
            warnings.add("after-year-end: claims arriving from " + config.claimYearEnd().atYear(year) + " count in " + (year + 1));
            year++;
        }
        FundingClaim claim = new FundingClaim();
        claim.id = UUID.randomUUID();
        claim.tenantId = tenantId;
        claim.applicationId = application.id;
        claim.status = FundingClaim.DRAFT;
        claim.organisationNumber = command.organisationNumber();
        claim.accountNumber = AccountNumber.normalised(command.accountNumber());
        claim.caseNumber = application.caseNumber;
        claim.policyId = application.policyId;
        claim.policyVersion = application.policyVersion;
        claim.costOre = refund.costOre();
        claim.refundOre = refund.refundOre();
        claim.costs = command.days();
        claim.lines = refund.lines();
        claim.warnings = warnings;
        claim.countsInYear = year;
        claim.createdBy = createdBy;
        claim.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        claim.persist();
        return claim;
    }

    /** Attaches an invoice or the approval letter: a readable PDF of at most 10 MB, to a claim not yet submitted. */
    @Transactional
    public ClaimAttachment attach(String tenantId, UUID claimId, String kind, String fileName, byte[] content) {
        FundingClaim claim = forUpdate(tenantId, claimId);
        requireStatus(claim, FundingClaim.DRAFT);
        if (!ClaimAttachment.INVOICE.equals(kind) && !ClaimAttachment.APPROVAL_LETTER.equals(kind)) {
            throw ProblemException.invalidField("kind", "must be invoice or approval-letter");
        }
        if (fileName == null || fileName.isBlank() || fileName.length() > 200 || !fileName.toLowerCase().endsWith(".pdf")) {
            throw ProblemException.invalidField("name", "is required: a file name ending in .pdf, at most 200 characters");
        }
        if (content == null || content.length == 0 || content.length > MAX_ATTACHMENT_BYTES) {
            throw ProblemException.invalidField("file", "must be 1 byte to 10 MB");
        }
        if (!isPdf(content)) {
            throw ProblemException.invalidField("file", "is not a readable PDF");
        }
        ClaimAttachment attachment = new ClaimAttachment();
        attachment.id = UUID.randomUUID();
        attachment.tenantId = tenantId;
        attachment.claimId = claimId;
        attachment.kind = kind;
        attachment.fileName = fileName.strip();
        attachment.sizeBytes = content.length;
        attachment.content = content;
        attachment.uploadedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        attachment.persist();
        return attachment;
    }

    /** Submits the claim: it needs at least one invoice. */
    @Transactional
    public FundingClaim submit(String tenantId, UUID claimId) {
        FundingClaim claim = forUpdate(tenantId, claimId);
        requireStatus(claim, FundingClaim.DRAFT);
        if (ClaimAttachment.count("claimId = ?1 and kind = ?2", claimId, ClaimAttachment.INVOICE) == 0) {
            throw ProblemException.invalidField("attachments", "a claim needs its invoices attached as PDF");
        }
        claim.status = FundingClaim.SUBMITTED;
        claim.submittedOn = LocalDate.now(zones.of(tenantId));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        outbox.record(tenantId, new ClaimSubmitted(claim.id, claim.applicationId, tenantId, claim.refundOre, now));
        return claim;
    }

    /** Records the refund the fund paid. */
    @Transactional
    public FundingClaim received(String tenantId, UUID claimId, long receivedOre, LocalDate receivedOn) {
        FundingClaim claim = forUpdate(tenantId, claimId);
        requireStatus(claim, FundingClaim.SUBMITTED);
        if (receivedOn.isAfter(LocalDate.now(zones.of(tenantId)))) {
            throw ProblemException.invalidField("receivedOn", "must not be in the future");
        }
        claim.status = FundingClaim.PAID;
        claim.receivedOre = receivedOre;
        claim.receivedOn = receivedOn;
        outbox.record(tenantId, new RefundReceived(claim.id, claim.applicationId, tenantId, receivedOre, receivedOn,
                Instant.now().truncatedTo(ChronoUnit.MICROS)));
        return claim;
    }

    private static boolean isPdf(byte[] content) {
        if (content.length < 5 || !new String(content, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
            return false;
        }
        try (var document = Loader.loadPDF(content)) {
            return document.getNumberOfPages() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void requireStatus(FundingClaim claim, String status) {
        if (!claim.status.equals(status)) {
            throw new ProblemException(ProblemType.FUNDING_STATUS_CONFLICT, "The claim is " + claim.status + "; this needs it " + status);
        }
    }

    private static FundingClaim forUpdate(String tenantId, UUID claimId) {
        FundingClaim claim = FundingClaim.findById(claimId, LockModeType.PESSIMISTIC_WRITE);
        if (claim == null || !claim.tenantId.equals(tenantId)) {
            throw ProblemException.notFound("Claim " + claimId);
        }
        return claim;
    }
}
