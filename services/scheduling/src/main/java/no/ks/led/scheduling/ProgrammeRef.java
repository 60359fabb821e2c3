package no.ks.led.scheduling;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/** A programme as scheduling knows it, from the programmes service's events. */
@Entity
@Table(name = "programme_ref")
public class ProgrammeRef extends TenantScopedEntity {

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Whether the tenant has this programme; false for another tenant's, as for a missing one. */
    public static boolean existsInTenant(String tenantId, UUID id) {
        return count("tenantId = ?1 and id = ?2", tenantId, id) > 0;
    }
}
