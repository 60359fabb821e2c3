package no.ks.led.organisations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person's role in an organisation: in a tenant ({@code owner-executive}, {@code coordinator},
 * {@code principal} and {@code school-leader}, the last two at one school) or, in a consultancy, the
 * role {@code consultant}. It starts on a day, may end on a planned day, and may be ended early.
 */
@Entity
@Table(name = "membership")
public class Membership extends PanacheEntityBase {

    @Id
    public UUID id;

    /** A tenant's slug, or a consultancy's slug for the role consultant. */
    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(nullable = false)
    public String role;

    @Column(name = "school_id")
    public UUID schoolId;

    /**
     * The person's own job title (inspektør, afdelingsleder, skoledistriktsleder...), kept beside the role, which
     * is the platform's access role; null when none was given. See {@code LeaderLevel} for Danish titles.
     */
    @Column
    public String title;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    /** When it was ended early; null while it runs its course. */
    @Column(name = "ended_at")
    public Instant endedAt;

    /**
     * Whether it waits for the person to accept it: it links an organisation to a person it did not
     * create and has no confirmed membership with. Until accepted it grants nothing and no event names it.
     */
    @Column(name = "awaiting_confirmation", nullable = false)
    public boolean awaitingConfirmation;

    /** When the person accepted it; null if it never waited. */
    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    /** Whether it gives its role on the day: accepted, started, not past its end, not ended early. */
    public boolean currentOn(LocalDate day) {
        return !awaitingConfirmation && endedAt == null && !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
    }

    /** Whether it still gives, or will give, its role: not ended early and not past its end. */
    public boolean openOn(LocalDate day) {
        return endedAt == null && (endsOn == null || !endsOn.isBefore(day));
    }

    /**
     * Whether it is on the organisation's roster on the day: current, or waiting for the person to accept
     * it. The organisation sees both alike, so it never learns whether the address was known elsewhere.
     */
    public boolean listedOn(LocalDate day) {
        return endedAt == null && !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
    }

    /** Whether the person has accepted (or never needed to accept) a membership of the organisation. */
    public static boolean confirmedIn(String organisationId, UUID personId) {
        return count("organisationId = ?1 and personId = ?2 and awaitingConfirmation = false", organisationId,
                personId) > 0;
    }

    /** The memberships that wait for the person to accept them, not ended. */
    public static List<Membership> awaitingOf(UUID personId) {
        return list("personId = ?1 and awaitingConfirmation = true and endedAt is null order by organisationId, startsOn, id",
                personId);
    }

    public static List<Membership> ofOrganisation(String organisationId) {
        return list("organisationId = ?1 order by startsOn, id", organisationId);
    }

    public static List<Membership> ofPerson(UUID personId) {
        return list("personId = ?1 order by organisationId, startsOn, id", personId);
    }

    public static List<Membership> ofPersonIn(String organisationId, UUID personId) {
        return list("organisationId = ?1 and personId = ?2 order by startsOn, id", organisationId, personId);
    }
}
