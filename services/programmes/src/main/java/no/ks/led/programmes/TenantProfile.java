package no.ks.led.programmes;

import java.time.Instant;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import no.ks.led.foundation.jdbc.Jdbc;

/** A tenant's name and language as onboarded ({@code TenantOnboarded}): what a programme's documents are written in. */
@Entity
@Table(name = "tenant_profile")
public class TenantProfile extends PanacheEntityBase {

    /** The language of a tenant this service has not heard of yet: bokmål. */
    public static final String DEFAULT_LANGUAGE = "nb";

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String language;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<TenantProfile> of(String tenantId) {
        return findByIdOptional(tenantId);
    }

    /**
     * The tenant's language alone, read with plain JDBC ({@link Jdbc}): every new programme asks it, and loading the
     * entity through the ORM cost a tenth of the programmes service's CPU under load (docs/performance.md).
     */
    public static Optional<String> languageOf(Jdbc jdbc, String tenantId) {
        return jdbc.optional("SELECT language FROM tenant_profile WHERE tenant_id = ?", row -> row.getString(1), tenantId);
    }
}
