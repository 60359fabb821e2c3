package no.ks.led.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.Country;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An event for the leaders of many tenants, with one capacity and one waiting list for all: a national operator
 * publishes one for every tenant of its country (KS: the introductory course), or a lead owner (the host tenant)
 * one for its own people and those of the tenants it invites (a regional event). Its sign-ups each belong to the
 * tenant the person signed up through ({@link NationalSignUp}).
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

    /** The lead owner that publishes a regional event; null for a national one. */
    @Column(name = "host_tenant_id")
    public String hostTenantId;

    /** The tenants a regional event invites besides its host; empty for a national one, which invites all. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "invited_tenant_ids", nullable = false)
    public String[] invitedTenantIds = new String[0];

    /** Whether the tenant's people may see it and sign up: every tenant of the country for a national event. */
    public boolean invites(String tenantId, Country tenantCountry) {
        return country.equals(tenantCountry.name()) && (hostTenantId == null || hostTenantId.equals(tenantId)
                || Arrays.asList(invitedTenantIds).contains(tenantId));
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public LocalDateTime localStart() {
        return LocalDateTime.ofInstant(startsAt, zone());
    }

    public LocalDateTime localEnd() {
        return LocalDateTime.ofInstant(endsAt, zone());
    }

    /** The country's national event with this id; empty for another country's or a regional one, as for a missing one. */
    public static Optional<NationalEvent> findInCountry(Country country, UUID id) {
        return find("country = ?1 and id = ?2 and hostTenantId is null", country.name(), id).firstResultOptional();
    }

    /** The country's national events that end after {@code after}, earliest first. */
    public static PanacheQuery<NationalEvent> upcoming(Country country, Instant after) {
        return find("country = ?1 and endsAt > ?2 and hostTenantId is null order by startsAt, id", country.name(), after);
    }

    /** The events the tenant's people may see that end after {@code after}: national and regional, earliest first. */
    public static PanacheQuery<NationalEvent> upcomingFor(String tenantId, Country country, Instant after) {
        return find("country = ?1 and endsAt > ?2 and (hostTenantId is null or hostTenantId = ?3 "
                + "or array_contains(invitedTenantIds, ?3)) order by startsAt, id", country.name(), after, tenantId);
    }

    /** The regional events the tenant hosts that end after {@code after}, earliest first. */
    public static PanacheQuery<NationalEvent> hostedBy(String tenantId, Instant after) {
        return find("hostTenantId = ?1 and endsAt > ?2 order by startsAt, id", tenantId, after);
    }

    /** The regional event the tenant hosts with this id; empty for any other, as for a missing one. */
    public static Optional<NationalEvent> findHostedBy(String tenantId, UUID id) {
        return find("hostTenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }
}
