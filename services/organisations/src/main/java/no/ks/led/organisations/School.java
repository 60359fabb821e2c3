package no.ks.led.organisations;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/** A school of a tenant: a grunnskole or videregående skole. */
@Entity
@Table(name = "school")
public class School extends TenantScopedEntity {

    @Column(nullable = false)
    public String name;

    @Column(name = "org_number", nullable = false)
    public String orgNumber;

    /** {@code grunnskole} or {@code videregaende}. */
    @Column(nullable = false)
    public String kind;

    /** False for a school with a single formal leader and no leadership team. */
    @Column(name = "has_leadership_team", nullable = false)
    public boolean hasLeadershipTeam;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static PanacheQuery<School> findInTenant(String tenantId) {
        return find("tenantId = ?1 order by name, id", tenantId);
    }

    public static long countInTenant(String tenantId) {
        return count("tenantId", tenantId);
    }
}
