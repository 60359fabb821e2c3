package no.ks.led.funding;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of a tenant's schools and its organisation number: a claim never names a school's number. */
@Entity
@Table(name = "funding_school")
public class FundingSchool extends PanacheEntityBase {

    @Id
    @Column(name = "school_id")
    public UUID schoolId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "organisation_number")
    public String organisationNumber;

    /** Whether the number is one of the tenant's schools'. */
    public static boolean isSchoolNumber(String tenantId, String organisationNumber) {
        return count("tenantId = ?1 and organisationNumber = ?2", tenantId, organisationNumber) > 0;
    }
}
