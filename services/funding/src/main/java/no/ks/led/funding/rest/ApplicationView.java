package no.ks.led.funding.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import no.ks.led.funding.FundingApplication;
import no.ks.led.funding.refund.Line;

/** A funding application with its explained lines; money in whole øre. */
public record ApplicationView(UUID id, String title, String status, String policy, int policyVersion, UUID programmeId,
        List<UUID> activityIds, int days, long costOre, long requestedOre, List<Line> lines, LocalDate submittedOn,
        String caseNumber, Long approvedOre, LocalDate expiresOn, LocalDate decidedOn, String reason, Instant createdAt) {

    static ApplicationView of(FundingApplication a) {
        return new ApplicationView(a.id, a.title, a.status, a.policyId, a.policyVersion, a.programmeId, a.activityIds, a.days,
                a.costOre, a.requestedOre, a.lines, a.submittedOn, a.caseNumber, a.approvedOre, a.expiresOn, a.decidedOn,
                a.reason, a.createdAt);
    }
}
