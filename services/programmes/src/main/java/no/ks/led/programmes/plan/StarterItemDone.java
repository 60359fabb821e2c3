package no.ks.led.programmes.plan;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/** An item of a starter plan that the coordinator marked as done, by whom and when. */
@Entity
@Table(name = "starter_plan_item_done")
public class StarterItemDone extends TenantScopedEntity {

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @Column(name = "done_by", nullable = false)
    public String doneBy;

    @Column(name = "done_at", nullable = false)
    public Instant doneAt;

    /** The done items of these plans. */
    public static List<StarterItemDone> of(Collection<UUID> planIds) {
        return planIds.isEmpty() ? List.of() : list("planId in ?1", planIds);
    }
}
