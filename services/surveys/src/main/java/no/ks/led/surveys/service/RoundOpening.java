package no.ks.led.surveys.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.led.events.surveys.SurveyRoundOpened;
import no.ks.led.foundation.idempotency.IdempotencyKey;
import no.ks.led.foundation.idempotency.IdempotencyKeys;
import no.ks.led.foundation.outbox.Outbox;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.SurveyRound;
import no.ks.led.surveys.config.SurveysConfig;
import no.ks.led.surveys.invitation.service.Invitations;
import no.ks.led.surveys.rest.NewSurveyRound;

/**
 * Opens rounds: checks the schools against the access replica, resolves the respondents (each school's
 * current principal and school leaders) once, at opening, and stores the round with its local items and
 * an invitation per respondent (delivered later by e-mail).
 */
@ApplicationScoped
public class RoundOpening {

    /** The day rounds open and close by. */
    public static final ZoneId PLATFORM_ZONE = ZoneId.of("Europe/Oslo");

    @Inject
    EntityManager entityManager;

    @Inject
    InstrumentCatalogue instruments;

    @Inject
    SurveysConfig config;

    @Inject
    Outbox outbox;

    @Inject
    Invitations invitations;

    @Inject
    IdempotencyKeys idempotencyKeys;

    /** A round opened by a request, and whether that request opened it (false: a retry found it). */
    public record Opened(SurveyRound round, boolean isNew) {
    }

    /**
     * Opens a round, or, when {@code idempotencyKey} (may be null) is given and the caller already opened a
     * round with it, returns that round unchanged: a retried request opens nothing twice and invites nobody
     * twice. The same key with a different request is a 422; see {@link IdempotencyKeys}.
     */
    @Transactional
    public Opened open(String tenantId, NewSurveyRound request, UUID openedBy, IdempotencyKey idempotencyKey) {
        if (idempotencyKey == null) {
            return new Opened(open(tenantId, request, openedBy), true);
        }
        var outcome = idempotencyKeys.once(idempotencyKey,
                new IdempotencyKeys.Scope("survey-round", tenantId, openedBy.toString()), request,
                () -> open(tenantId, request, openedBy), round -> round.id,
                id -> SurveyRound.findInTenant(tenantId, id).orElseThrow());
        return new Opened(outcome.result(), outcome.isNew());
    }

    private SurveyRound open(String tenantId, NewSurveyRound request, UUID openedBy) {
        LocalDate today = LocalDate.now(PLATFORM_ZONE);
        if (request.opensOn().isBefore(today)) {
            throw ProblemException.invalidField("opensOn", "must be today or later");
        }
        if (request.closesOn().isBefore(request.opensOn())) {
            throw ProblemException.invalidField("closesOn", "must be on or after opensOn");
        }
        if (request.closesOn().isAfter(request.opensOn().plusYears(1))) {
            throw ProblemException.invalidField("closesOn", "must be within a year of opensOn");
        }
        int k = request.minGroupSize() == null ? config.nationalMinimumGroupSize() : request.minGroupSize();
        if (k < config.nationalMinimumGroupSize()) {
            throw ProblemException.invalidField("minGroupSize", "must be at least " + config.nationalMinimumGroupSize());
        }
        Instrument instrument = (request.instrumentVersion() == null ? instruments.latest()
                : instruments.published(request.instrumentVersion()))
                .orElseThrow(() -> ProblemException.invalidField("instrumentVersion", "is not a published version"));

        Set<UUID> schools = new LinkedHashSet<>(request.schoolIds());
        if (schools.size() != request.schoolIds().size()) {
            throw ProblemException.invalidField("schoolIds", "names a school more than once");
        }
        Set<UUID> known = knownSchools(tenantId);
        if (!known.containsAll(schools)) {
            throw ProblemException.invalidField("schoolIds", "names a school that is not the tenant's");
        }
        List<Object[]> respondents = respondents(tenantId, schools, today);
        Set<UUID> withRespondents = new HashSet<>();
        respondents.forEach(r -> withRespondents.add((UUID) r[1]));
        if (!withRespondents.containsAll(schools)) {
            throw ProblemException.invalidField("schoolIds", "names a school with no current principal or school leader");
        }

        SurveyRound round = new SurveyRound();
        round.id = UUID.randomUUID();
        round.tenantId = tenantId;
        round.title = request.title().strip();
        round.mode = request.mode();
        round.opensOn = request.opensOn();
        round.closesOn = request.closesOn();
        round.instrumentVersion = instrument.version();
        round.minGroupSize = k;
        round.openedBy = openedBy;
        round.persist();
        entityManager.flush();

        for (UUID school : schools) {
            entityManager.createNativeQuery("INSERT INTO survey_round_school (round_id, school_id) VALUES (?1, ?2)")
                    .setParameter(1, round.id).setParameter(2, school).executeUpdate();
        }
        for (Object[] r : respondents) {
            entityManager.createNativeQuery(
                    "INSERT INTO survey_respondent (round_id, person_id, school_id, role) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, round.id).setParameter(2, r[0]).setParameter(3, r[1]).setParameter(4, r[2])
                    .executeUpdate();
        }
        List<NewSurveyRound.LocalItem> local = request.localItems() == null ? List.of() : request.localItems();
        for (int i = 0; i < local.size(); i++) {
            NewSurveyRound.LocalItem item = local.get(i);
            entityManager.createNativeQuery("""
                    INSERT INTO survey_local_item (round_id, code, position, kind, text_nb, text_nn, text_en, text_da)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                    .setParameter(1, round.id).setParameter(2, "local-" + (i + 1)).setParameter(3, i + 1)
                    .setParameter(4, item.kind()).setParameter(5, item.nb().strip())
                    .setParameter(6, blankToNull(item.nn())).setParameter(7, blankToNull(item.en()))
                    .setParameter(8, blankToNull(item.da()))
                    .executeUpdate();
        }
        invitations.queueForOpenedRound(round, request.contacts() == null ? List.of() : request.contacts());
        outbox.record(tenantId, new SurveyRoundOpened(round.id, tenantId, round.title, round.mode, round.opensOn,
                round.closesOn, round.instrumentVersion, List.copyOf(schools)));
        return round;
    }

    /**
     * The tenant's schools as the replica knows them: every school a membership of the tenant names.
     * A school with no leader in the replica could not be surveyed anyway, so this needs no school read
     * model of its own (yet).
     */
    @SuppressWarnings("unchecked")
    private Set<UUID> knownSchools(String tenantId) {
        List<UUID> ids = entityManager.createNativeQuery(
                "SELECT DISTINCT school_id FROM access_membership WHERE organisation_id = ?1 AND school_id IS NOT NULL")
                .setParameter(1, tenantId).getResultList();
        return new HashSet<>(ids);
    }

    /** (person, school, role) of the schools' current principals and school leaders; one school per person. */
    @SuppressWarnings("unchecked")
    private List<Object[]> respondents(String tenantId, Set<UUID> schools, LocalDate today) {
        return entityManager.createNativeQuery("""
                SELECT DISTINCT ON (person_id) person_id, school_id, role FROM access_membership
                WHERE organisation_id = ?1 AND role IN ('principal', 'school-leader') AND school_id = ANY(?2)
                  AND ended_at IS NULL AND starts_on <= ?3 AND (ends_on IS NULL OR ends_on >= ?3)
                ORDER BY person_id, (role = 'principal') DESC, school_id""")
                .setParameter(1, tenantId).setParameter(2, schools.toArray(new UUID[0])).setParameter(3, today)
                .getResultList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
