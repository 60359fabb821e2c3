package no.ks.led.surveys.service;

import java.time.LocalDate;
import java.util.ArrayList;
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
import no.ks.led.foundation.access.AccessReplica;
import no.ks.led.foundation.access.Country;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.foundation.idempotency.IdempotencyKey;
import no.ks.led.foundation.idempotency.IdempotencyKeys;
import no.ks.led.foundation.outbox.Outbox;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.SurveyRound;
import no.ks.led.surveys.config.SurveysConfig;
import no.ks.led.surveys.invitation.service.Invitations;
import no.ks.led.surveys.repository.SurveyRoundRepository;
import no.ks.led.surveys.repository.SurveyRoundRepository.Respondent;

/**
 * Opens rounds: checks the period (in the tenant's own time zone) and the schools against the access replica,
 * resolves the respondents (each school's current principal and school leaders) once, at opening, and stores
 * the round with its local items and an invitation per respondent (delivered later by e-mail).
 */
@ApplicationScoped
public class RoundOpening {

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

    @Inject
    SurveyRoundRepository rounds;

    @Inject
    TenantZones zones;

    @Inject
    AccessReplica access;

    /** A round opened by a request, and whether that request opened it (false: a retry found it). */
    public record Opened(SurveyRound round, boolean isNew) {
    }

    /**
     * Opens a round, or, when {@code idempotencyKey} (may be null) is given and the caller already opened a
     * round with it, returns that round unchanged: a retried request opens nothing twice and invites nobody
     * twice. The same key with a different request is a 422; see {@link IdempotencyKeys}.
     */
    @Transactional
    public Opened open(String tenantId, NewRound request, UUID openedBy, IdempotencyKey idempotencyKey) {
        if (idempotencyKey == null) {
            return new Opened(open(tenantId, request, openedBy), true);
        }
        var outcome = idempotencyKeys.once(idempotencyKey,
                new IdempotencyKeys.Scope("survey-round", tenantId, openedBy.toString()), request,
                () -> open(tenantId, request, openedBy), round -> round.id,
                id -> SurveyRound.findInTenant(tenantId, id).orElseThrow());
        return new Opened(outcome.result(), outcome.isNew());
    }

    private SurveyRound open(String tenantId, NewRound request, UUID openedBy) {
        LocalDate today = LocalDate.now(zones.of(tenantId));
        requireOwnLanguage(request.localItems(), access.countryOf(tenantId));
        requirePeriod(request.opensOn(), request.closesOn(), today);
        int minGroupSize = minGroupSize(request.minGroupSize());
        Instrument instrument = instrument(request.instrumentVersion());
        Set<UUID> schools = tenantSchools(tenantId, request.schoolIds());
        List<Respondent> respondents = respondents(tenantId, schools, today);

        SurveyRound round = new SurveyRound();
        round.id = UUID.randomUUID();
        round.tenantId = tenantId;
        round.title = request.title().strip();
        round.mode = request.mode();
        round.opensOn = request.opensOn();
        round.closesOn = request.closesOn();
        round.instrumentVersion = instrument.version();
        round.minGroupSize = minGroupSize;
        round.openedBy = openedBy;
        round.retentionYears = request.retentionYears() == null ? NewRound.DEFAULT_RETENTION_YEARS : request.retentionYears();
        round.persist();
        entityManager.flush();
        rounds.addParticipants(round.id, schools, respondents);
        rounds.addLocalItems(round.id, localItems(request.localItems()));

        invitations.queueForOpenedRound(round, request.contacts() == null ? List.of() : request.contacts());
        outbox.record(tenantId, new SurveyRoundOpened(round.id, tenantId, round.title, round.mode, round.opensOn,
                round.closesOn, round.instrumentVersion, List.copyOf(schools)));
        return round;
    }

    /** A round opens today or later and lasts at most a year. */
    private static void requirePeriod(LocalDate opensOn, LocalDate closesOn, LocalDate today) {
        if (opensOn.isBefore(today)) {
            throw ProblemException.invalidField("opensOn", "must be today or later");
        }
        if (closesOn.isBefore(opensOn)) {
            throw ProblemException.invalidField("closesOn", "must be on or after opensOn");
        }
        if (closesOn.isAfter(opensOn.plusYears(1))) {
            throw ProblemException.invalidField("closesOn", "must be within a year of opensOn");
        }
    }

    /** The round's k: the national minimum unless the tenant asks for more. */
    private int minGroupSize(Integer requested) {
        int k = requested == null ? config.nationalMinimumGroupSize() : requested;
        if (k < config.nationalMinimumGroupSize()) {
            throw ProblemException.invalidField("minGroupSize", "must be at least " + config.nationalMinimumGroupSize());
        }
        return k;
    }

    /** The requested published version of the instrument, or the latest. */
    private Instrument instrument(Integer version) {
        return (version == null ? instruments.latest() : instruments.published(version))
                .orElseThrow(() -> ProblemException.invalidField("instrumentVersion", "is not a published version"));
    }

    /** The requested schools, each named once and each one of the tenant's. */
    private Set<UUID> tenantSchools(String tenantId, List<UUID> requested) {
        Set<UUID> schools = new LinkedHashSet<>(requested);
        if (schools.size() != requested.size()) {
            throw ProblemException.invalidField("schoolIds", "names a school more than once");
        }
        if (!rounds.knownSchools(tenantId).containsAll(schools)) {
            throw ProblemException.invalidField("schoolIds", "names a school that is not the tenant's");
        }
        return schools;
    }

    /** The schools' current principals and school leaders, fixed now; every school must have one. */
    private List<Respondent> respondents(String tenantId, Set<UUID> schools, LocalDate today) {
        List<Respondent> respondents = rounds.currentRespondents(tenantId, schools, today);
        Set<UUID> withRespondents = new HashSet<>();
        respondents.forEach(r -> withRespondents.add(r.schoolId()));
        if (!withRespondents.containsAll(schools)) {
            throw ProblemException.invalidField("schoolIds", "names a school with no current principal or school leader");
        }
        return respondents;
    }

    /**
     * Each local item has its text in the tenant's own language: bokmål ({@code nb}) for a Norwegian tenant, Danish
     * ({@code da}) for a Danish one; a 400 problem naming that field otherwise.
     */
    static void requireOwnLanguage(List<NewRound.LocalItem> items, Country country) {
        if (items == null) {
            return;
        }
        boolean danish = country == Country.DK;
        for (NewRound.LocalItem item : items) {
            if (blankToNull(danish ? item.da() : item.nb()) == null) {
                throw ProblemException.invalidField(danish ? "localItems.da" : "localItems.nb",
                        danish ? "must not be blank: a Danish tenant's item needs its Danish text"
                                : "must not be blank: a Norwegian tenant's item needs its bokmål text");
            }
        }
    }

    /** The round's own items, coded {@code local-1}, {@code local-2}, … in the order given. */
    private static List<SurveyRoundRepository.LocalItem> localItems(List<NewRound.LocalItem> requested) {
        List<NewRound.LocalItem> local = requested == null ? List.of() : requested;
        List<SurveyRoundRepository.LocalItem> items = new ArrayList<>();
        for (int i = 0; i < local.size(); i++) {
            NewRound.LocalItem item = local.get(i);
            items.add(new SurveyRoundRepository.LocalItem("local-" + (i + 1), i + 1, item.kind(), blankToNull(item.nb()),
                    blankToNull(item.nn()), blankToNull(item.en()), blankToNull(item.da())));
        }
        return items;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
