package no.ks.led.funding.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.funding.BookedSpeaker;
import no.ks.led.funding.FundingApplication;
import no.ks.led.funding.ScheduledActivity;

/** What the owner must act on so as not to pay for what the fund will not refund. */
@ApplicationScoped
public class Warnings {

    /** An application is needed soon: paid speakers, and no application submitted. */
    public static final String APPLY_SOON = "apply-soon";
    /** A hard warning: the activity is (or was) held before an approval, so the fund refunds it nothing. */
    public static final String HELD_BEFORE_APPROVAL = "held-before-approval";

    @Inject
    TenantZones zones;

    @Inject
    FundingConfig config;

    /** One warning about one activity. */
    public record Warning(String kind, UUID activityId, String title, LocalDate startsOn, UUID applicationId, String message) {
    }

    /** The tenant's warnings, soonest activity first. */
    @Transactional
    public List<Warning> of(String tenantId) {
        ZoneId zone = zones.of(tenantId);
        LocalDate today = LocalDate.now(zone);
        LocalDate horizon = today.plusDays(config.applicationWarning().toDays());
        List<FundingApplication> applied = FundingApplication.appliedFor(tenantId);
        List<Warning> warnings = new ArrayList<>();
        for (ScheduledActivity activity : ScheduledActivity.current(tenantId)) {
            LocalDate startsOn = activity.firstDay(zone);
            if (!BookedSpeaker.anyPaid(activity.activityId)) {
                continue;
            }
            FundingApplication covering = applied.stream().filter(a -> a.activityIds.contains(activity.activityId))
                    .filter(a -> a.status.equals(FundingApplication.APPROVED)).findFirst()
                    .orElse(applied.stream().filter(a -> a.activityIds.contains(activity.activityId)).findFirst().orElse(null));
            boolean approvedInTime = covering != null && covering.status.equals(FundingApplication.APPROVED)
                    && !covering.decidedOn.isAfter(startsOn);
            if (!startsOn.isAfter(today) && !approvedInTime) {
                warnings.add(new Warning(HELD_BEFORE_APPROVAL, activity.activityId, activity.title, startsOn,
                        covering == null ? null : covering.id,
                        "Held before the fund approved it: the fund refunds nothing for it"));
            } else if (startsOn.isAfter(today) && !startsOn.isAfter(horizon) && covering == null) {
                warnings.add(new Warning(APPLY_SOON, activity.activityId, activity.title, startsOn, null,
                        "Paid speakers in less than " + config.applicationWarning().toDays()
                                + " days and no application submitted: the fund answers in 3-4 weeks, sometimes 2 months"));
            }
        }
        return warnings;
    }
}
