package no.ks.led.funding;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/**
 * A cost the fund never refunds (venue hire, participants' board and lodging, ...), for an activity or for a
 * programme's year; in the budget as the owner's own cost. Whole øre.
 */
@Entity
@Table(name = "budget_cost")
public class BudgetCost extends TenantScopedEntity {

    /** The kinds of cost, all of them not eligible under every policy. */
    public static final List<String> KINDS = List.of("venue-hire", "board-and-lodging", "materials", "substitutes",
            "salaries", "travel-time");

    @Column(name = "activity_id")
    public UUID activityId;

    @Column(name = "programme_id")
    public UUID programmeId;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String description;

    @Column(name = "amount_ore", nullable = false)
    public long amountOre;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<BudgetCost> ofYear(String tenantId, int year) {
        return list("tenantId = ?1 and year = ?2 order by createdAt, id", tenantId, year);
    }

    public static Optional<BudgetCost> findInTenant(String tenantId, UUID id) {
        return BudgetCost.<BudgetCost>findByIdOptional(id).filter(c -> c.tenantId.equals(tenantId));
    }
}
