package no.ks.led.web.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/**
 * A tenant's programme budget for a year as the funding API gives it: cost lines and totals in whole øre; the cost
 * (actual where known, planned otherwise) is what the fund covers and the owner pays together.
 */
@TemplateData
public record Budget(int year, List<CostLine> lines, long plannedOre, long actualOre, long costOre, long fundCoversOre,
        long ownerPaysOre, List<ProcurementWarning> procurement) {

    public Budget {
        lines = lines == null ? List.of() : lines;
        procurement = procurement == null ? List.of() : procurement;
    }

    /**
     * One activity's speaker fee or travel: planned, actual (null until a claim names it), what the fund covers; or,
     * with {@code costId}, a cost the fund never refunds (its kind the category, its description the supplier).
     */
    @TemplateData
    public record CostLine(UUID activityId, String activity, LocalDate date, String category, String supplier, long plannedOre,
            Long actualOre, long fundCoversOre, long ownerPaysOre, UUID costId, UUID programmeId) {

        public String categoryKey() {
            return "budget.category." + category;
        }
    }

    /** A supplier whose spend across the owner's programmes approaches (or passes) the procurement threshold. */
    @TemplateData
    public record ProcurementWarning(String supplier, long totalOre, long thresholdOre, boolean over) {
    }
}
