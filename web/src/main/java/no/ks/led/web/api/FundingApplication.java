package no.ks.led.web.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/**
 * An application to the fund: in the list its title, status and amounts; alone also its activities and explained
 * lines, the submission and KS's decision. Money in whole øre.
 */
@TemplateData
public record FundingApplication(UUID id, String title, String status, String policy, int policyVersion, List<UUID> activityIds,
        int days, long costOre, long requestedOre, List<RefundLine> lines, LocalDate submittedOn, String caseNumber,
        Long approvedOre, LocalDate expiresOn, LocalDate decidedOn, String reason) {

    public FundingApplication {
        activityIds = activityIds == null ? List.of() : activityIds;
        lines = lines == null ? List.of() : lines;
    }

    public String statusKey() {
        return "funding.status." + status;
    }

    public boolean draft() {
        return "draft".equals(status);
    }

    public boolean submitted() {
        return "submitted".equals(status);
    }

    public boolean approved() {
        return "approved".equals(status);
    }
}
