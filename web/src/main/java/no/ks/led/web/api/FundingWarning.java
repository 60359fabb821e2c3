package no.ks.led.web.api;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** An activity with paid speakers that needs an application soon ({@code apply-soon}) or was held before an approval. */
@TemplateData
public record FundingWarning(String kind, UUID activityId, String title, LocalDate startsOn, UUID applicationId) {

    public String kindKey() {
        return "funding.warning." + kind;
    }

    /** The hard warning: the fund refunds nothing for the activity. */
    public boolean hard() {
        return "held-before-approval".equals(kind);
    }
}
