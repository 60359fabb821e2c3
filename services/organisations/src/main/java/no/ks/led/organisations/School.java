package no.ks.led.organisations;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/** A school of a tenant: in Norway a grunnskole or videregående skole, in Denmark a folkeskole or the like. */
@Entity
@Table(name = "school")
public class School extends TenantScopedEntity {

    @Column(nullable = false)
    public String name;

    /** The Norwegian organisation number; null for a Danish school. */
    @Column(name = "org_number")
    public String orgNumber;

    /** The Danish institution number (six digits); null for a Norwegian school. */
    @Column(name = "institution_number")
    public String institutionNumber;

    /** {@link SchoolKind#code()}, one of the tenant's country's kinds. */
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
