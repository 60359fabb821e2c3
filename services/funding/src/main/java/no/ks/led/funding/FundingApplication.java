package no.ks.led.funding;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/** An application to KS's OU fund; amounts in whole øre. */
@Entity
@Table(name = "funding_application")
public class FundingApplication extends TenantScopedEntity {

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String status;

    /** The funding policy the amounts were worked out under, e.g. {@code OU 2024}. */
    @Column(name = "policy_version", nullable = false)
    public String policyVersion;

    @Column(name = "requested_ore", nullable = false)
    public long requestedOre;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static PanacheQuery<FundingApplication> findInTenant(String tenantId) {
        return find("tenantId = ?1 order by createdAt desc, id", tenantId);
    }
}
