package no.ks.led.organisations;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person known to the platform. The id is the platform's {@code personId}, which Keycloak users
 * carry as {@code led_person_id}. Erasure pseudonymises the row in place.
 */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

    /** The name an erased person is shown with. */
    public static final String ERASED_NAME = "Slettet person";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** Always lower-case; unique. */
    @Column(nullable = false)
    public String email;

    @Column(name = "feide_id")
    public String feideId;

    /** The Keycloak user this person is linked to; kept by the identity sync. */
    @Column(name = "keycloak_user_id")
    public String keycloakUserId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "erased_at")
    public Instant erasedAt;

    public boolean erased() {
        return erasedAt != null;
    }

    /** The e-mail address as stored: trimmed and lower-cased. */
    public static String normaliseEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<Person> findByEmail(String email) {
        return find("email", normaliseEmail(email)).firstResultOptional();
    }
}
