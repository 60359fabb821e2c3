package no.ks.led.funding;

import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A school owner's name and organisation number, from its onboarding: whether the fund covers it. */
@Entity
@Table(name = "funding_tenant")
public class FundingTenant extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(nullable = false)
    public String name;

    @Column(name = "organisation_number")
    public String organisationNumber;

    public static Optional<FundingTenant> of(String tenantId) {
        return findByIdOptional(tenantId);
    }
}
