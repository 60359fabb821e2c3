package no.ks.led.programmes;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/** A school owner's local leadership-development programme (the aggregate of this service). */
@Entity
@Table(name = "programme")
public class Programme extends TenantScopedEntity {

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The creator's platform person id; {@link #ERASED} once the person has been erased. */
    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** The tenant's programme with this id; empty for another tenant's, as for a missing one. */
    public static final String ERASED = "erased";

    public static Optional<Programme> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** The tenant's programmes, oldest first. */
    public static PanacheQuery<Programme> findInTenant(String tenantId) {
        return find("tenantId = ?1 order by createdAt, id", tenantId);
    }
}
