package no.ks.led.web.api;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A consultant's proposed change to a plan and the owner's decision. */
@TemplateData
public record PlanProposal(UUID id, UUID programmeId, String proposedBy, PlanChange change, String note, String status,
        Instant createdAt, String decidedBy, Instant decidedAt, String reason) {

    public boolean pending() {
        return "proposed".equals(status);
    }

    /** The message key of the status. */
    public String statusKey() {
        return "proposals.status." + status;
    }
}
