package no.ks.led.foundation.access;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * An entity that belongs to one tenant: a random UUID and the tenant's slug, the two columns every
 * tenant-scoped table has. Queries on such entities always filter by {@code tenantId}.
 */
@MappedSuperclass
public abstract class TenantScopedEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
}
