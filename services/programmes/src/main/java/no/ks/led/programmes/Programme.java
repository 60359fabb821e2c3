package no.ks.led.programmes;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A school owner's local leadership-development programme (the aggregate of this service). */
@Entity
@Table(name = "programme")
public class Programme extends TenantScopedEntity {

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The creator's platform person id; {@link #ERASED} once the person has been erased. */
    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** The template it was made from, or null for a programme made without one. */
    @Column(name = "template_id")
    public String templateId;

    /** The template version the programme follows: the one it was made from, or a later one the owner took. */
    @Column(name = "template_version")
    public Integer templateVersion;

    /** The programme's own copy of its template's content, which its owner tailors. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Framework framework;

    /** The language of the programme's texts and documents: the tenant's. */
    @Column(nullable = false)
    public String language;

    /** The local plan's evaluation cycle, from 1; an evaluation closes a cycle and opens the next. */
    @Column(nullable = false)
    public int cycle;

    /** The tenant's programme with this id; empty for another tenant's, as for a missing one. */
    public static final String ERASED = "erased";

    public static Optional<Programme> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** The tenant's programmes, oldest first. */
    public static PanacheQuery<Programme> findInTenant(String tenantId) {
        return find("tenantId = ?1 order by createdAt, id", tenantId);
    }
}
