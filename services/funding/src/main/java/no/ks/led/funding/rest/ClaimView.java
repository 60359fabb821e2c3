package no.ks.led.funding.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import no.ks.led.funding.ClaimAttachment;
import no.ks.led.funding.FundingClaim;
import no.ks.led.funding.refund.Line;

/** A refund claim with its explained lines, warnings and attachments; money in whole øre. */
public record ClaimView(UUID id, UUID applicationId, String status, String caseNumber, String organisationNumber,
        String accountNumber, String policy, int policyVersion, long costOre, long refundOre, List<Line> lines,
        List<String> warnings, int countsInYear, LocalDate submittedOn, Long receivedOre, LocalDate receivedOn,
        List<Attachment> attachments) {

    /** An attached PDF. */
    public record Attachment(UUID id, String kind, String fileName, int sizeBytes) {
    }

    static ClaimView of(FundingClaim c) {
        List<Attachment> attachments = ClaimAttachment.of(c.id).stream()
                .map(a -> new Attachment(a.id, a.kind, a.fileName, a.sizeBytes)).toList();
        return new ClaimView(c.id, c.applicationId, c.status, c.caseNumber, c.organisationNumber, c.accountNumber, c.policyId,
                c.policyVersion, c.costOre, c.refundOre, c.lines, c.warnings, c.countsInYear, c.submittedOn, c.receivedOre,
                c.receivedOn, attachments);
    }
}
