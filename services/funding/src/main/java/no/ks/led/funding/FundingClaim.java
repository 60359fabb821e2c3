package no.ks.led.funding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;
import no.ks.led.funding.refund.Basis;
import no.ks.led.funding.refund.Line;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A refund claim for an approved application: actual costs, the refund under the application's policy version. */
@Entity
@Table(name = "funding_claim")
public class FundingClaim extends TenantScopedEntity {

    public static final String DRAFT = "draft";
    public static final String SUBMITTED = "submitted";
    public static final String PAID = "paid";

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public String status;

    /** The owner's own organisation number (never a school's). */
    @Column(name = "organisation_number", nullable = false)
    public String organisationNumber;

    @Column(name = "account_number", nullable = false)
    public String accountNumber;

    @Column(name = "case_number", nullable = false)
    public String caseNumber;

    @Column(name = "policy_id", nullable = false)
    public String policyId;

    @Column(name = "policy_version", nullable = false)
    public int policyVersion;

    @Column(name = "cost_ore", nullable = false)
    public long costOre;

    @Column(name = "refund_ore", nullable = false)
    public long refundOre;

    /** The actual costs per day and speaker, as claimed. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Basis.Day> costs;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Line> lines;

    /** What the owner must know: held before approval (hard), after the grant's expiry, after the year's last day. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> warnings;

    /** The year the claim counts in (a claim after 1 December counts the next). */
    @Column(name = "counts_in_year", nullable = false)
    public int countsInYear;

    @Column(name = "submitted_on")
    public LocalDate submittedOn;

    @Column(name = "received_ore")
    public Long receivedOre;

    @Column(name = "received_on")
    public LocalDate receivedOn;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static PanacheQuery<FundingClaim> findInTenant(String tenantId) {
        return find("tenantId = ?1 order by createdAt desc, id", tenantId);
    }

    public static Optional<FundingClaim> findInTenant(String tenantId, UUID id) {
        return FundingClaim.<FundingClaim>findByIdOptional(id).filter(c -> c.tenantId.equals(tenantId));
    }
}
