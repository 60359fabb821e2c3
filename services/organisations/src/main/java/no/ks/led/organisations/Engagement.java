package no.ks.led.organisations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A tenant's engagement of a consultancy, or of one named consultant of it, for a period, for the
 * whole tenant (no schools listed) or for listed schools. Ending it is immediate.
 */
@Entity
@Table(name = "engagement")
public class Engagement extends TenantScopedEntity {

    @Column(name = "consultancy_id", nullable = false)
    public String consultancyId;

    /** The one consultant engaged; null when every consultant of the consultancy may act. */
    @Column(name = "consultant_person_id")
    public UUID consultantPersonId;

    /** The schools it covers; empty for the whole tenant. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "school_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] schoolIds = new UUID[0];

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** The person who created it; null for demo data. */
    @Column(name = "created_by")
    public UUID createdBy;

    public List<UUID> schools() {
        return List.of(schoolIds);
    }

    /** Whether it lets its consultants act on the day. */
    public boolean currentOn(LocalDate day) {
        return endedAt == null && !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
    }

    /** Whether it names this consultant, or names no one (so every consultant of the consultancy). */
    public boolean covers(UUID consultant) {
        return consultantPersonId == null || consultantPersonId.equals(consultant);
    }

    public static List<Engagement> ofTenant(String tenantId) {
        return list("tenantId = ?1 order by startsOn, id", tenantId);
    }
}
