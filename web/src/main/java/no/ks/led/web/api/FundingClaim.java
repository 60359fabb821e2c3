package no.ks.led.web.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A refund claim: its status, the owner's numbers, explained lines, warnings and attached PDFs; money in whole øre. */
@TemplateData
public record FundingClaim(UUID id, UUID applicationId, String status, String caseNumber, String organisationNumber,
        String accountNumber, String policy, int policyVersion, long costOre, long refundOre, List<RefundLine> lines,
        List<String> warnings, int countsInYear, LocalDate submittedOn, Long receivedOre, LocalDate receivedOn,
        List<Attachment> attachments) {

    public FundingClaim {
        lines = lines == null ? List.of() : lines;
        warnings = warnings == null ? List.of() : warnings;
        attachments = attachments == null ? List.of() : attachments;
    }

    /** An attached invoice or approval letter. */
    @TemplateData
    public record Attachment(UUID id, String kind, String fileName, int sizeBytes) {

        public String kindKey() {
            return "claim.attachment." + kind;
        }

        /** The size in whole kilobytes, rounded up. */
        public long kilobytes() {
            return (sizeBytes + 1023L) / 1024;
        }
    }

    public String statusKey() {
        return "claim.status." + status;
    }

    public boolean draft() {
        return "draft".equals(status);
    }

    public boolean submitted() {
        return "submitted".equals(status);
    }

    /** The warnings' codes ({@code held-before-approval}, {@code after-expiry}, {@code after-year-end}) as message keys. */
    public List<String> warningKeys() {
        return warnings.stream().map(w -> w.contains(":") ? w.substring(0, w.indexOf(':')) : w)
                .map(code -> code.matches("held-before-approval|after-expiry|after-year-end") ? "claim.warning." + code
                        : "claim.warning.other")
                .toList();
    }
}
