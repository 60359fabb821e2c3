package no.ks.led.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.Country;

/**
 * An event a national operator publishes for the leaders of every tenant of its country (KS: the introductory
 * course), with one capacity and one waiting list for all. It belongs to no tenant; its sign-ups each belong
 * to the tenant the person signed up through ({@link NationalSignUp}).
 */
@Entity
@Table(name = "national_event")
public class NationalEvent extends PanacheEntityBase {

    public static final String SCHEDULED = "scheduled";
    public static final String CANCELLED = "cancelled";

    @Id
    public UUID id;

    /** {@code NO} or {@code DK}: only that country's tenants see the event. */
    @Column(nullable = false)
    public String country;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String title;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    /** The zone the times were entered in: the country's. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    public String place;

    public Integer capacity;

    @Column(name = "sign_up_deadline")
    public LocalDate signUpDeadline;

    @Column(nullable = false)
    public String status;

    @Column(name = "cancel_reason")
    public String cancelReason;

    /** The subject of the national operator's token that published it. */
    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public LocalDateTime localStart() {
        return LocalDateTime.ofInstant(startsAt, zone());
    }

    public LocalDateTime localEnd() {
        return LocalDateTime.ofInstant(endsAt, zone());
    }

    /** The country's event with this id; empty for another country's, as for a missing one. */
    public static Optional<NationalEvent> findInCountry(Country country, UUID id) {
        return find("country = ?1 and id = ?2", country.name(), id).firstResultOptional();
    }

    /** The country's events that end after {@code after}, earliest first. */
    public static PanacheQuery<NationalEvent> upcoming(Country country, Instant after) {
        return find("country = ?1 and endsAt > ?2 order by startsAt, id", country.name(), after);
    }
}
