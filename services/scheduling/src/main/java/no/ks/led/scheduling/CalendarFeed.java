package no.ks.led.scheduling;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/** A calendar feed at a secret URL (only its SHA-256 is kept), for a person, a school or a programme. */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends TenantScopedEntity {

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    @Column(nullable = false)
    public String scope;

    @Column(name = "scope_id", nullable = false)
    public UUID scopeId;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** The live feed with this secret's hash; empty once revoked. */
    public static Optional<CalendarFeed> live(String secretHash) {
        return find("secretHash = ?1 and revokedAt is null", secretHash).firstResultOptional();
    }

    public static Optional<CalendarFeed> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }
}
