package no.ks.led.organisations;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A school owner (kommune or fylkeskommune in Norway, kommune in Denmark) using the platform: one tenant. */
@Entity
@Table(name = "tenant")
public class Tenant extends PanacheEntityBase {

    /** The stable slug, also the Keycloak organization's alias. */
    @Id
    public String slug;

    @Column(nullable = false)
    public String name;

    /** {@link TenantKind#code()}. */
    @Column(nullable = false)
    public String kind;

    /** {@code NO} or {@code DK}, following from the kind ({@link TenantKind#country()}). */
    @Column(nullable = false)
    public String country;

    /** The country's organisation number: nine digits in Norway, the CVR number (eight) in Denmark. */
    @Column(name = "org_number", nullable = false)
    public String orgNumber;

    @Column(name = "municipality_number")
    public String municipalityNumber;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "deactivated_at")
    public Instant deactivatedAt;

    /** When its first roster import ran; null before. That import's grants are marked as the initial roster. */
    @Column(name = "first_roster_import_at")
    public Instant firstRosterImportAt;

    /** Every tenant of one country, the deactivated too, by slug. */
    public static PanacheQuery<Tenant> findInCountryBySlug(String country) {
        return find("country = ?1 order by slug", country);
    }

    public static List<Tenant> listAll(boolean includeInactive) {
        return includeInactive ? list("order by slug") : list("active = true order by slug");
    }
}
