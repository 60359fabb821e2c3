package no.ks.led.surveys.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
import no.ks.led.foundation.access.Country;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.foundation.jdbc.Jdbc;
import no.ks.led.surveys.SurveyRound;

/**
 * The SQL of a survey round's own rows beside {@code survey_round}: its schools, its respondents (fixed at
 * opening), its local items, its completion list and its schools' consent to share; the tenant's rounds over
 * time (trends); and the access replica's answer to "who would be asked" when a round is opened.
 */
@ApplicationScoped
public class SurveyRoundRepository {

    /** The condition that a round {@code r} includes the school given as {@code :school}. */
    private static final String AT_SCHOOL =
            " AND EXISTS (SELECT 1 FROM survey_round_school s WHERE s.round_id = r.id AND s.school_id = :school)";

    @Inject
    EntityManager entityManager;

    @Inject
    Jdbc jdbc;

    /** A respondent of a round: a person, the school they answer for, and their role there. */
    public record Respondent(UUID personId, UUID schoolId, String role) {
    }

    /** An item a tenant adds to one round. */
    public record LocalItem(String code, int position, String kind, String nb, String nn, String en, String da) {
    }

    /**
     * A round's local items in order, and the country of its tenant, whose language fills the texts an owner left out:
     * {@link Country#NO} for a tenant the access replica does not know, as {@code AccessReplica.countryOf} has it. The
     * country is read with the items, so a round without local items has none to read it from (and needs none): then
     * it is {@link Country#NO} as well.
     */
    public record LocalItems(List<LocalItem> items, Country country) {
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

    /**
     * A round as a submission finds it: the round itself (a copy, not managed by the ORM: changing it saves nothing),
     * the school the round asked the person to answer for (empty if it did not ask them), and whether a submission
     * with the request's Idempotency-Key is in the completion list already; and the tenant's time zone, which says
     * whether the round is open today.
     */
    public record Seat(SurveyRound round, Optional<UUID> schoolId, boolean submittedWithKey, ZoneId zone) {
    }

    /**
     * The person's {@link Seat} in the tenant's round, in one statement (through {@link Jdbc}: the answering path);
     * empty if the round does not exist in that tenant (another tenant's round is as missing as a non-existent one).
     * The Idempotency-Key counts as submitted when it is the person's last submission, or in a team round the last
     * submission of anyone at their school.
     */
    public Optional<Seat> seat(String tenantId, UUID roundId, UUID personId, String idempotencyKey) {
        return jdbc.optional("""
                SELECT r.id, r.tenant_id, r.title, r.mode, r.opens_on, r.closes_on, r.instrument_version, r.min_group_size,
                       r.opened_by, r.retention_years, r.answers_purged_at, p.school_id,
                       EXISTS (SELECT 1 FROM survey_completion c
                               WHERE c.round_id = r.id AND c.idempotency_key = ?
                                 AND CASE WHEN r.mode = ? THEN c.school_id = p.school_id ELSE c.person_id = p.person_id END),
                       o.time_zone
                FROM survey_round r LEFT JOIN survey_respondent p ON p.round_id = r.id AND p.person_id = ?
                    LEFT JOIN access_organisation o ON o.id = r.tenant_id
                WHERE r.tenant_id = ? AND r.id = ?""", row -> {
                    SurveyRound round = new SurveyRound();
                    round.id = row.getObject(1, UUID.class);
                    round.tenantId = row.getString(2);
                    round.title = row.getString(3);
                    round.mode = row.getString(4);
                    round.opensOn = row.getObject(5, LocalDate.class);
                    round.closesOn = row.getObject(6, LocalDate.class);
                    round.instrumentVersion = row.getInt(7);
                    round.minGroupSize = row.getInt(8);
                    round.openedBy = row.getObject(9, UUID.class);
                    round.retentionYears = row.getInt(10);
                    OffsetDateTime purgedAt = row.getObject(11, OffsetDateTime.class);
                    round.answersPurgedAt = purgedAt == null ? null : purgedAt.toInstant();
                    return new Seat(round, Optional.ofNullable(row.getObject(12, UUID.class)), row.getBoolean(13),
                            TenantZones.parse(row.getString(14)));
                }, idempotencyKey, SurveyRound.TEAM, personId, tenantId, roundId);
    }

    /** The school a person answers for in the round, if the round asked them. */
    @SuppressWarnings("unchecked")
    public Optional<UUID> schoolOf(UUID roundId, UUID personId) {
        List<UUID> schools = entityManager.createNativeQuery(
                "SELECT school_id FROM survey_respondent WHERE round_id = ?1 AND person_id = ?2")
                .setParameter(1, roundId).setParameter(2, personId).getResultList();
        return schools.stream().findFirst();
    }

    /** The person ids of the round's respondents at the school. */
    @SuppressWarnings("unchecked")
    public List<UUID> respondentsAt(UUID roundId, UUID schoolId) {
        return entityManager.createNativeQuery("SELECT person_id FROM survey_respondent WHERE round_id = ?1 AND school_id = ?2")
                .setParameter(1, roundId).setParameter(2, schoolId).getResultList();
    }

    /** Records (or renews) a respondent's submission in the completion list (through {@link Jdbc}: the answering path). */
    public void recordCompletion(UUID roundId, UUID schoolId, UUID personId, Instant submittedAt, String idempotencyKey) {
        jdbc.update("""
                INSERT INTO survey_completion (round_id, school_id, person_id, submitted_at, idempotency_key)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (round_id, person_id)
                DO UPDATE SET submitted_at = excluded.submitted_at, idempotency_key = excluded.idempotency_key""",
                roundId, schoolId, personId, submittedAt, idempotencyKey);
    }

    /** The last submission of the person, or of the school (a team round) when {@code personId} is null. */
    public Optional<Instant> lastSubmittedAt(UUID roundId, UUID schoolId, UUID personId) {
        String sql = personId == null
                ? "SELECT max(submitted_at) AS last FROM survey_completion WHERE round_id = ?1 AND school_id = ?2"
                : "SELECT max(submitted_at) AS last FROM survey_completion WHERE round_id = ?1 AND person_id = ?2";
        return Optional.ofNullable(Rows.select(entityManager, sql, Map.of("last", Instant.class)).setParameter(1, roundId)
                .setParameter(2, personId == null ? schoolId : personId).getSingleResult().get("last", Instant.class));
    }

    /**
     * The round's local items in order, with the country of its tenant in the same statement (through {@link Jdbc}:
     * the answering path reads them on every submission).
     */
    public LocalItems localItems(UUID roundId) {
        List<LocalItemRow> rows = jdbc.list("""
                SELECT l.code, l.position, l.kind, l.text_nb, l.text_nn, l.text_en, l.text_da, o.country
                FROM survey_local_item l JOIN survey_round r ON r.id = l.round_id
                    LEFT JOIN access_organisation o ON o.id = r.tenant_id
                WHERE l.round_id = ? ORDER BY l.position""",
                row -> new LocalItemRow(new LocalItem(row.getString(1), row.getInt(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7)), row.getString(8)),
                roundId);
        Country country = rows.isEmpty() ? Country.NO : Country.fromCode(rows.get(0).country()).orElse(Country.NO);
        return new LocalItems(rows.stream().map(LocalItemRow::item).toList(), country);
    }

    private record LocalItemRow(LocalItem item, String country) {
    }

    /** The schools whose principal shares their results with the owner. */
    @SuppressWarnings("unchecked")
    public Set<UUID> sharedSchools(UUID roundId) {
        List<UUID> ids = entityManager.createNativeQuery("SELECT school_id FROM survey_sharing WHERE round_id = ?1")
                .setParameter(1, roundId).getResultList();
        return Set.copyOf(ids);
    }

    /** Records a school's consent to share; false if it was given already. */
    public boolean share(UUID roundId, UUID schoolId, UUID sharedBy, Instant sharedAt) {
        return entityManager.createNativeQuery("""
                INSERT INTO survey_sharing (round_id, school_id, shared_by, shared_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (round_id, school_id) DO NOTHING""")
                .setParameter(1, roundId).setParameter(2, schoolId).setParameter(3, sharedBy)
                .setParameter(4, sharedAt).executeUpdate() == 1;
    }

    /** Removes a school's consent to share; false if there was none. */
    public boolean withdrawSharing(UUID roundId, UUID schoolId) {
        return entityManager.createNativeQuery("DELETE FROM survey_sharing WHERE round_id = ?1 AND school_id = ?2")
                .setParameter(1, roundId).setParameter(2, schoolId).executeUpdate() == 1;
    }

    /**
     * The ids of the tenant's rounds that have opened by {@code today} (with {@code schoolId}: those that include
     * the school), oldest first.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> openedRounds(String tenantId, UUID schoolId, LocalDate today) {
        var query = entityManager.createNativeQuery(
                "SELECT r.id FROM survey_round r WHERE r.tenant_id = :tenant AND r.opens_on <= :today"
                + (schoolId == null ? "" : AT_SCHOOL) + " ORDER BY r.closes_on, r.opens_on, r.created_at, r.id")
                .setParameter("tenant", tenantId).setParameter("today", today);
        if (schoolId != null) {
            query.setParameter("school", schoolId);
        }
        return query.getResultList();
    }

    /**
     * The tenant's latest round other than {@code roundId} that closed before {@code opensOn}, on one of the
     * versions (with {@code schoolId}: that includes the school).
     */
    @SuppressWarnings("unchecked")
    public Optional<UUID> latestClosedBefore(String tenantId, LocalDate opensOn, List<Integer> versions, UUID roundId,
            UUID schoolId) {
        var query = entityManager.createNativeQuery("""
                SELECT r.id FROM survey_round r
                WHERE r.tenant_id = :tenant AND r.closes_on < :opens AND r.instrument_version = ANY(:versions)
                  AND r.id <> :round"""
                + (schoolId == null ? "" : AT_SCHOOL)
                + " ORDER BY r.closes_on DESC, r.opens_on DESC, r.created_at DESC, r.id LIMIT 1")
                .setParameter("tenant", tenantId).setParameter("opens", opensOn)
                .setParameter("versions", versions.toArray(new Integer[0])).setParameter("round", roundId);
        if (schoolId != null) {
            query.setParameter("school", schoolId);
        }
        List<UUID> ids = query.getResultList();
        return ids.stream().findFirst();
    }

    /** The newest instrument version, no newer than {@code version}, of any round closing between the two days. */
    public Optional<Integer> newestVersionClosing(Country country, int version, LocalDate from, LocalDate to) {
        Object used = entityManager.createNativeQuery("""
                SELECT max(r.instrument_version) FROM survey_round r LEFT JOIN access_organisation o ON o.id = r.tenant_id
                WHERE r.instrument_version <= ?1 AND r.closes_on BETWEEN ?2 AND ?3 AND coalesce(o.country, 'NO') = ?4""")
                .setParameter(1, version).setParameter(2, from).setParameter(3, to).setParameter(4, country.name())
                .getSingleResult();
        return Optional.ofNullable(used).map(v -> ((Number) v).intValue());
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

    /**
     * Marks the round closed (at {@code closedAt}) with {@code lastDay} as its last day, if it is not closed
     * yet; the row is locked, so a scheduled closing at the same time waits and then finds it closed.
     */
    @SuppressWarnings("unchecked")
    public Optional<UUID> claimEarly(UUID roundId, LocalDate lastDay, Instant closedAt) {
        List<UUID> claimed = entityManager.createNativeQuery("""
                UPDATE survey_round SET closed_at = ?2, closes_on = ?3
                WHERE id = ?1 AND closed_at IS NULL
                RETURNING id""")
                .setParameter(1, roundId).setParameter(2, closedAt).setParameter(3, lastDay).getResultList();
        return claimed.stream().findFirst();
    }

    /**
     * Pseudonymises the person in the rounds' rows (an erasure): a random id in respondent lists, completion
     * lists and sharing decisions, so counts stay right and nothing leads back to them; no opener.
     */
    public void pseudonymise(UUID personId) {
        for (String update : new String[] {
                "UPDATE survey_respondent SET person_id = gen_random_uuid() WHERE person_id = ?1",
                "UPDATE survey_completion SET person_id = gen_random_uuid() WHERE person_id = ?1",
                "UPDATE survey_sharing SET shared_by = gen_random_uuid() WHERE shared_by = ?1",
                "UPDATE survey_round SET opened_by = NULL WHERE opened_by = ?1"}) {
            entityManager.createNativeQuery(update).setParameter(1, personId).executeUpdate();
        }
    }

    /**
     * Marks purged (at {@code purgedAt}) one round whose answers are kept past its retention period: its last day
     * plus {@code retention_years} is before {@code asOf}'s day in its tenant's time zone. Locked with
     * {@code SKIP LOCKED}, so concurrent purges never take the same round.
     */
    @SuppressWarnings("unchecked")
    public Optional<UUID> claimNextPurge(Instant asOf, Instant purgedAt) {
        List<UUID> claimed = entityManager.createNativeQuery("""
                UPDATE survey_round SET answers_purged_at = ?2
                WHERE id = (SELECT r.id FROM survey_round r LEFT JOIN access_organisation o ON o.id = r.tenant_id
                            WHERE r.closes_on + make_interval(years => r.retention_years)
                                  < CAST(timezone(coalesce(o.time_zone, ?3), ?1) AS date)
                              AND r.answers_purged_at IS NULL
                            ORDER BY r.closes_on, r.id LIMIT 1 FOR UPDATE OF r SKIP LOCKED)
                RETURNING id""")
                .setParameter(1, OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC)).setParameter(2, purgedAt)
                .setParameter(3, TenantZones.PLATFORM_DEFAULT.getId()).getResultList();
        return claimed.stream().findFirst();
    }
}
