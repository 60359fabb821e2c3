package no.ks.led.funding.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.funding.BookedSpeaker;
import no.ks.led.funding.FundingApplication;
import no.ks.led.funding.FundingClaim;
import no.ks.led.funding.ScheduledActivity;
import no.ks.led.funding.refund.Basis;
import no.ks.led.funding.refund.Line;

/**
 * A tenant's programme budget for a year: every booked speaker's fee and travel per activity, planned (the booking)
 * and actual (the claim), what the fund covers (the claim's refund, else the approved application's) and what the
 * owner pays; and the suppliers whose total spend approaches the procurement threshold.
 */
@ApplicationScoped
public class Budgets {

    /** Procurement is warned of from this share of the threshold. */
    static final int APPROACHING_PERCENT = 80;

    @Inject
    TenantZones zones;

    @Inject
    FundingConfig config;

    /** One cost line: an activity's speaker, fee or travel. {@code actualOre} is null until a claim names it. */
    public record CostLine(java.util.UUID activityId, String activity, LocalDate date, String category, String supplier,
            long plannedOre, Long actualOre, long fundCoversOre, long ownerPaysOre) {
    }

    /** A supplier whose spend across the owner's programmes approaches or passes the threshold. */
    public record ProcurementWarning(String supplier, long totalOre, long thresholdOre, boolean over) {
    }

    /** The year's budget. */
    public record Budget(int year, List<CostLine> lines, long plannedOre, long actualOre, long fundCoversOre,
            long ownerPaysOre, List<ProcurementWarning> procurement) {
    }

    @Transactional
    public Budget of(String tenantId, int year) {
        ZoneId zone = zones.of(tenantId);
        List<FundingApplication> approved = FundingApplication.list("tenantId = ?1 and status = 'approved'", tenantId);
        List<FundingClaim> claims = FundingClaim.list("tenantId = ?1", tenantId);
        List<CostLine> lines = new ArrayList<>();
        Map<String, Long> perSupplier = new TreeMap<>();
        for (ScheduledActivity activity : ScheduledActivity.current(tenantId)) {
            List<LocalDate> days = activity.days(zone);
            for (BookedSpeaker speaker : BookedSpeaker.of(activity.activityId)) {
                perSupplier.merge(speaker.name, speaker.feeOre + speaker.travelOre, Long::sum);
                if (days.get(0).getYear() != year) {
                    continue;
                }
                FundingClaim claim = claims.stream().filter(c -> !c.status.equals(FundingClaim.DRAFT))
                        .filter(c -> approved.stream().anyMatch(a -> a.id.equals(c.applicationId) && a.activityIds.contains(activity.activityId)))
                        .findFirst().orElse(null);
                FundingApplication application = approved.stream().filter(a -> a.activityIds.contains(activity.activityId))
                        .findFirst().orElse(null);
                List<Line> covered = claim != null ? claim.lines : application != null ? application.lines : List.of();
                lines.add(line(activity, days, speaker, "speaker-fee", speaker.feeOre, claim, covered));
                if (speaker.travelOre > 0 || claim != null && actual(claim, days, speaker.name, "travel") > 0) {
                    lines.add(line(activity, days, speaker, "travel", speaker.travelOre, claim, covered));
                }
            }
        }
        long planned = lines.stream().mapToLong(CostLine::plannedOre).sum();
        long actual = lines.stream().mapToLong(l -> l.actualOre() == null ? 0 : l.actualOre()).sum();
        long covers = lines.stream().mapToLong(CostLine::fundCoversOre).sum();
        long pays = lines.stream().mapToLong(CostLine::ownerPaysOre).sum();
        long threshold = config.procurementThresholdOre();
        List<ProcurementWarning> procurement = new ArrayList<>();
        perSupplier.forEach((supplier, total) -> {
            if (total * 100 >= threshold * APPROACHING_PERCENT) {
                procurement.add(new ProcurementWarning(supplier, total, threshold, total >= threshold));
            }
        });
        return new Budget(year, lines, planned, actual, covers, pays, procurement);
    }

    private static CostLine line(ScheduledActivity activity, List<LocalDate> days, BookedSpeaker speaker, String category,
            long planned, FundingClaim claim, List<Line> covered) {
        String kind = category.equals("travel") ? "travel" : "speaker";
        Long actual = claim == null ? null : actual(claim, days, speaker.name, kind);
        long covers = covered.stream().filter(l -> l.date() != null && days.contains(l.date()))
                .filter(l -> speaker.name.equals(l.name()) && l.kind().equals(kind)).mapToLong(Line::refundOre).sum();
        long cost = actual == null ? planned : actual;
        covers = Math.min(covers, cost);
        return new CostLine(activity.activityId, activity.title, days.get(0), category, speaker.name, planned, actual, covers,
                cost - covers);
    }

    private static long actual(FundingClaim claim, List<LocalDate> days, String name, String kind) {
        long sum = 0;
        for (Basis.Day day : claim.costs) {
            if (days.contains(day.date())) {
                for (Basis.SpeakerCost cost : day.speakers()) {
                    if (cost.name().equals(name)) {
                        sum += kind.equals("travel") ? cost.travelOre() : cost.feeOre();
                    }
                }
            }
        }
        return sum;
    }
}
