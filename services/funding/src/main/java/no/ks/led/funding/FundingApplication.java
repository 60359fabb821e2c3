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
import no.ks.led.funding.refund.Line;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An application to KS's OU fund (or another fund) for some of a tenant's scheduled activities; amounts in whole
 * øre, computed under the policy version it names, which never changes once recorded.
 */
@Entity
@Table(name = "funding_application")
public class FundingApplication extends TenantScopedEntity {

    public static final String DRAFT = "draft";
    public static final String SUBMITTED = "submitted";
    public static final String APPROVED = "approved";
    public static final String REFUSED = "refused";
    public static final String WITHDRAWN = "withdrawn";

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String status;

    @Column(name = "policy_id", nullable = false)
    public String policyId;

    /** The policy version the amounts were computed under. */
    @Column(name = "policy_version", nullable = false)
    public int policyVersion;

    @Column(name = "programme_id")
    public UUID programmeId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "activity_ids", nullable = false)
    public List<UUID> activityIds;

    /** The number of days the activities are held. */
    @Column(nullable = false)
    public int days;

    @Column(name = "cost_ore", nullable = false)
    public long costOre;

    /** The maximum grant under the policy version. */
    @Column(name = "requested_ore", nullable = false)
    public long requestedOre;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Line> lines;

    @Column(name = "submitted_on")
    public LocalDate submittedOn;

    /** KS's case number, normalised ({@code 21/12345}). */
    @Column(name = "case_number")
    public String caseNumber;

    @Column(name = "approved_ore")
    public Long approvedOre;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    /** The day the fund approved or refused it, or the owner withdrew it. */
    @Column(name = "decided_on")
    public LocalDate decidedOn;

    /** Why it was refused. */
    public String reason;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static PanacheQuery<FundingApplication> findInTenant(String tenantId) {
        return find("tenantId = ?1 order by createdAt desc, id", tenantId);
    }

    public static Optional<FundingApplication> findInTenant(String tenantId, UUID id) {
        return FundingApplication.<FundingApplication>findByIdOptional(id).filter(a -> a.tenantId.equals(tenantId));
    }

    /** The tenant's applications that are submitted or approved: those that count as applied for. */
    public static List<FundingApplication> appliedFor(String tenantId) {
        return list("tenantId = ?1 and status in ('submitted', 'approved')", tenantId);
    }

    /** Whether a grant for it is running on the day: approved and not expired. */
    public boolean isRunningOn(LocalDate day) {
        return APPROVED.equals(status) && (expiresOn == null || !expiresOn.isBefore(day));
    }
}
