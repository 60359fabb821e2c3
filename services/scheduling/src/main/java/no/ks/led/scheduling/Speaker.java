package no.ks.led.scheduling;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A speaker or process leader in the directory KS shares across tenants (mostly not platform users). The same
 * e-mail address is the same speaker; a consultant is in the directory by their e-mail address too.
 */
@Entity
@Table(name = "speaker")
public class Speaker extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String organisation;

    @Column(nullable = false)
    public String email;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Speaker> findByEmail(String email) {
        return find("lower(email) = ?1", email.strip().toLowerCase(java.util.Locale.ROOT)).firstResultOptional();
    }

    /** The directory, by name. */
    public static PanacheQuery<Speaker> directory() {
        return find("order by lower(name), id");
    }
}
