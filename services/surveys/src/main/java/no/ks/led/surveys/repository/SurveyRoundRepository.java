package no.ks.led.surveys.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.access.TenantZones;

/**
 * The SQL of a survey round's own rows beside {@code survey_round}: its schools, its respondents (fixed at
 * opening), its local items and its completion list; and the access replica's answer to "who would be
 * asked" when a round is opened.
 */
@ApplicationScoped
public class SurveyRoundRepository {

    @Inject
    EntityManager entityManager;

    /** A respondent of a round: a person, the school they answer for, and their role there. */
    public record Respondent(UUID personId, UUID schoolId, String role) {
    }

    /** An item a tenant adds to one round. */
    public record LocalItem(String code, int position, String kind, String nb, String nn, String en, String da) {
    }

    /** Someone who has submitted, at which school, when. */
    public record Completion(UUID schoolId, UUID personId, Instant submittedAt) {
    }

    /** The round's schools, in id order. */
    @SuppressWarnings("unchecked")
    public List<UUID> schools(UUID roundId) {
        return entityManager.createNativeQuery(
                "SELECT school_id FROM survey_round_school WHERE round_id = ?1 ORDER BY school_id")
                .setParameter(1, roundId).getResultList();
    }

    /** The round's respondents' person ids. */
    @SuppressWarnings("unchecked")
    public Set<UUID> respondentIds(UUID roundId) {
        return new HashSet<>(entityManager.createNativeQuery("SELECT person_id FROM survey_respondent WHERE round_id = ?1")
                .setParameter(1, roundId).getResultList());
    }

    /** Who has submitted, by school and person. */
    public List<Completion> completions(UUID roundId) {
        return Rows.select(entityManager, """
                SELECT school_id, person_id, submitted_at FROM survey_completion WHERE round_id = ?1
                ORDER BY school_id, person_id""",
                Map.of("school_id", UUID.class, "person_id", UUID.class, "submitted_at", Instant.class))
                .setParameter(1, roundId).getResultStream()
                .map(t -> new Completion(t.get("school_id", UUID.class), t.get("person_id", UUID.class),
                        t.get("submitted_at", Instant.class)))
                .toList();
    }

    /** Stores a round's schools, respondents and local items (the round itself must be flushed first). */
    public void addParticipants(UUID roundId, Collection<UUID> schools, List<Respondent> respondents) {
        for (UUID school : schools) {
            entityManager.createNativeQuery("INSERT INTO survey_round_school (round_id, school_id) VALUES (?1, ?2)")
                    .setParameter(1, roundId).setParameter(2, school).executeUpdate();
        }
        for (Respondent r : respondents) {
            entityManager.createNativeQuery(
                    "INSERT INTO survey_respondent (round_id, person_id, school_id, role) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, roundId).setParameter(2, r.personId()).setParameter(3, r.schoolId())
                    .setParameter(4, r.role()).executeUpdate();
        }
    }

    /** Stores a round's local items. */
    public void addLocalItems(UUID roundId, List<LocalItem> items) {
        for (LocalItem item : items) {
            entityManager.createNativeQuery("""
                    INSERT INTO survey_local_item (round_id, code, position, kind, text_nb, text_nn, text_en, text_da)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                    .setParameter(1, roundId).setParameter(2, item.code()).setParameter(3, item.position())
                    .setParameter(4, item.kind()).setParameter(5, item.nb()).setParameter(6, item.nn())
                    .setParameter(7, item.en()).setParameter(8, item.da())
                    .executeUpdate();
        }
    }

    /**
     * The tenant's schools as the access replica knows them: every school a membership of the tenant names.
     * A school with no leader in the replica could not be surveyed anyway, so this needs no school read
     * model of its own (yet).
     */
    @SuppressWarnings("unchecked")
    public Set<UUID> knownSchools(String tenantId) {
        List<UUID> ids = entityManager.createNativeQuery(
                "SELECT DISTINCT school_id FROM access_membership WHERE organisation_id = ?1 AND school_id IS NOT NULL")
                .setParameter(1, tenantId).getResultList();
        return new HashSet<>(ids);
    }

    /** The schools' principals and school leaders on {@code day}; one school per person, a principal first. */
    public List<Respondent> currentRespondents(String tenantId, Collection<UUID> schools, LocalDate day) {
        return Rows.select(entityManager, """
                SELECT DISTINCT ON (person_id) person_id, school_id, role FROM access_membership
                WHERE organisation_id = ?1 AND role IN ('principal', 'school-leader') AND school_id = ANY(?2)
                  AND ended_at IS NULL AND starts_on <= ?3 AND (ends_on IS NULL OR ends_on >= ?3)
                ORDER BY person_id, (role = 'principal') DESC, school_id""",
                Map.of("person_id", UUID.class, "school_id", UUID.class, "role", String.class))
                .setParameter(1, tenantId).setParameter(2, schools.toArray(new UUID[0])).setParameter(3, day)
                .getResultStream()
                .map(t -> new Respondent(t.get("person_id", UUID.class), t.get("school_id", UUID.class),
                        t.get("role", String.class)))
                .toList();
    }

    /**
     * Marks closed (at {@code closedAt}) one round not closed yet whose last day is before {@code asOf}'s day
     * in its tenant's time zone, skipping {@code skip}; locked with {@code SKIP LOCKED}, so concurrent closers
     * never take the same round.
     */
    @SuppressWarnings("unchecked")
    public Optional<UUID> claimNextDue(Instant asOf, Instant closedAt, UUID[] skip) {
        List<UUID> claimed = entityManager.createNativeQuery("""
                UPDATE survey_round SET closed_at = ?2
                WHERE id = (SELECT r.id FROM survey_round r LEFT JOIN access_organisation o ON o.id = r.tenant_id
                            WHERE r.closes_on < CAST(timezone(coalesce(o.time_zone, ?4), ?1) AS date)
                              AND r.closed_at IS NULL AND r.id <> ALL(?3)
                            ORDER BY r.closes_on, r.id LIMIT 1 FOR UPDATE OF r SKIP LOCKED)
                  AND closed_at IS NULL
                RETURNING id""")
                .setParameter(1, OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC)).setParameter(2, closedAt)
                .setParameter(3, skip).setParameter(4, TenantZones.PLATFORM_DEFAULT.getId()).getResultList();
        return claimed.stream().findFirst();
    }
}
