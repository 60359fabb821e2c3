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
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.funding.BudgetCost;
import no.ks.led.funding.BookedSpeaker;
import no.ks.led.funding.FundingApplication;
import no.ks.led.funding.FundingClaim;
import no.ks.led.funding.FundingPolicy;
import no.ks.led.funding.ScheduledActivity;
import no.ks.led.funding.refund.Basis;
import no.ks.led.funding.refund.Line;
import no.ks.led.funding.refund.PolicyRules;
import no.ks.led.funding.refund.Refund;

/**
 * A tenant's programme budget for a year: every booked speaker's fee and travel per activity, planned (the booking)
 * and actual (the claim), what the fund covers (the claim's refund, else what the approval grants: nothing for a day
 * held before it, at most the approved amount) and what the owner pays of the cost (the actual where a claim names it,
 * the planned otherwise); the costs the fund never refunds, entered by the owner (the owner's own cost); and the
 * suppliers whose total spend approaches the procurement threshold. In every line and in the totals the fund's part
 * and the owner's add up to the cost.
 */
@ApplicationScoped
public class Budgets {

    /** Procurement is warned of from this share of the threshold. */
    static final int APPROACHING_PERCENT = 80;

    @Inject
    TenantZones zones;

    @Inject
    FundingConfig config;

    /**
     * One cost line: an activity's speaker, fee or travel ({@code actualOre} null until a claim names it), or a cost
     * the fund never refunds ({@code costId} set, {@code category} its kind, {@code supplier} its description; an
     * activity's or, with {@code activityId} null, a programme's), all of it the owner's.
     */
    public record CostLine(java.util.UUID activityId, String activity, LocalDate date, String category, String supplier,
            long plannedOre, Long actualOre, long fundCoversOre, long ownerPaysOre, java.util.UUID costId,
            java.util.UUID programmeId) {
    }

    /** A cost the fund never refunds, for an activity (its year) or for a programme's year. */
    public record NewCost(String kind, String description, long amountOre, java.util.UUID activityId,
            java.util.UUID programmeId, Integer year) {
    }

    /** Adds a cost the fund never refunds; the activity or programme must be the tenant's (a 400 naming it otherwise). */
    @Transactional
    public BudgetCost add(String tenantId, NewCost cost, String createdBy) {
        if (!BudgetCost.KINDS.contains(cost.kind())) {
            throw ProblemException.invalidField("kind", "must be one of " + BudgetCost.KINDS);
        }
        if ((cost.activityId() == null) == (cost.programmeId() == null)) {
            throw ProblemException.invalidField("activityId", "name either an activity or a programme (programmeId, year)");
        }
        BudgetCost entity = new BudgetCost();
        if (cost.activityId() != null) {
            ScheduledActivity activity = ScheduledActivity.findInTenant(tenantId, cost.activityId())
                    .filter(a -> a.startsAt != null && !a.cancelled)
                    .orElseThrow(() -> ProblemException.invalidField("activityId", "is not a scheduled activity of the tenant"));
            entity.activityId = activity.activityId;
            entity.year = activity.firstDay(zones.of(tenantId)).getYear();
        } else {
            if (cost.year() == null || cost.year() < 2000 || cost.year() > 2100) {
                throw ProblemException.invalidField("year", "is required with programmeId, from 2000 to 2100");
            }
            if (ScheduledActivity.current(tenantId).stream().noneMatch(a -> cost.programmeId().equals(a.programmeId))) {
                throw ProblemException.invalidField("programmeId", "is not a programme with activities of the tenant");
            }
            entity.programmeId = cost.programmeId();
            entity.year = cost.year();
        }
        entity.id = java.util.UUID.randomUUID();
        entity.tenantId = tenantId;
        entity.kind = cost.kind();
        entity.description = cost.description() == null ? "" : cost.description().strip();
        entity.amountOre = cost.amountOre();
        entity.createdBy = createdBy;
        entity.createdAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        entity.persist();
        return entity;
    }

    /** Removes a cost; another tenant's, or a missing one, is a 404. */
    @Transactional
    public void remove(String tenantId, java.util.UUID costId) {
        BudgetCost cost = BudgetCost.findInTenant(tenantId, costId)
                .orElseThrow(() -> ProblemException.notFound("Budget cost " + costId));
        cost.delete();
    }

    /** A supplier whose spend across the owner's programmes approaches or passes the threshold. */
    public record ProcurementWarning(String supplier, long totalOre, long thresholdOre, boolean over) {
    }

    /**
     * The year's budget: {@code costOre} is what the lines cost (actual where known, planned otherwise), of which the
     * fund covers {@code fundCoversOre} and the owner pays {@code ownerPaysOre}.
     */
    public record Budget(int year, List<CostLine> lines, long plannedOre, long actualOre, long costOre, long fundCoversOre,
            long ownerPaysOre, List<ProcurementWarning> procurement) {
    }

    @Transactional
    public Budget of(String tenantId, int year) {
        ZoneId zone = zones.of(tenantId);
        List<FundingApplication> approved = FundingApplication.list("tenantId = ?1 and status = 'approved'", tenantId);
        Map<java.util.UUID, List<Line>> granted = new java.util.HashMap<>();
        approved.forEach(a -> granted.put(a.id, granted(a)));
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
                List<Line> covered = claim != null ? claim.lines : application != null ? granted.get(application.id) : List.of();
                lines.add(line(activity, days, speaker, "speaker-fee", speaker.feeOre, claim, covered));
                if (speaker.travelOre > 0 || claim != null && actual(claim, days, speaker.name, "travel") > 0) {
                    lines.add(line(activity, days, speaker, "travel", speaker.travelOre, claim, covered));
                }
            }
        }
        Map<java.util.UUID, ScheduledActivity> activities = new java.util.HashMap<>();
        ScheduledActivity.current(tenantId).forEach(a -> activities.put(a.activityId, a));
        for (BudgetCost cost : BudgetCost.ofYear(tenantId, year)) {
            ScheduledActivity activity = cost.activityId == null ? null : activities.get(cost.activityId);
            lines.add(new CostLine(cost.activityId, activity == null ? null : activity.title,
                    activity == null ? null : activity.firstDay(zone), cost.kind, cost.description, cost.amountOre, null,
                    0, cost.amountOre, cost.id, activity == null ? cost.programmeId : activity.programmeId));
        }
        long planned = lines.stream().mapToLong(CostLine::plannedOre).sum();
        long actual = lines.stream().mapToLong(l -> l.actualOre() == null ? 0 : l.actualOre()).sum();
        long covers = lines.stream().mapToLong(CostLine::fundCoversOre).sum();
        long pays = lines.stream().mapToLong(CostLine::ownerPaysOre).sum();
        long cost = covers + pays;
        long threshold = config.procurementThresholdOre();
        List<ProcurementWarning> procurement = new ArrayList<>();
        perSupplier.forEach((supplier, total) -> {
            if (total * 100 >= threshold * APPROACHING_PERCENT) {
                procurement.add(new ProcurementWarning(supplier, total, threshold, total >= threshold));
            }
        });
        return new Budget(year, lines, planned, actual, cost, covers, pays, procurement);
    }

    /** What an approval grants of the application's lines under the version it was computed with. */
    private static List<Line> granted(FundingApplication application) {
        PolicyRules rules = FundingPolicy.version(application.policyId, application.policyVersion).orElseThrow().rules;
        long approvedOre = application.approvedOre != null ? application.approvedOre : application.requestedOre;
        return Refund.of(application.lines).asApproved(rules, application.decidedOn, approvedOre).lines();
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
                cost - covers, null, activity.programmeId);
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
