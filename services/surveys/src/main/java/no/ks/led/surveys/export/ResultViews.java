package no.ks.led.surveys.export;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.Results;
import no.ks.led.surveys.SurveyRound;
import no.ks.led.surveys.service.OwnerResults;
import no.ks.led.surveys.service.RoundQuestions;
import no.ks.led.surveys.service.RoundResults;
import no.ks.led.surveys.service.RoundTrends;

/**
 * The suppressed results an export or a chart is made from, with exactly the access rules of the JSON
 * results routes: the owner's view for {@code owner-executive} and {@code coordinator} (and a consultant within
 * their engagement, see {@link OwnerResults}), a school's view for
 * that school's {@code principal} and {@code school-leader}. Another tenant's round is a 404 like a missing one.
 */
@ApplicationScoped
public class ResultViews {

    /** The results the viewer may see, and the round's questions for their texts. */
    public record View(Results results, Instrument questions) {
    }

    @Inject
    TenantAccess access;

    @Inject
    RoundResults results;

    @Inject
    RoundQuestions questions;

    @Inject
    OwnerResults ownerResults;

    @Inject
    RoundTrends trends;

    public View forTenant(String tenantId, UUID roundId) {
        Grant grant = access.require(tenantId, OwnerResults.VIEWERS);
        SurveyRound round = round(tenantId, roundId);
        return new View(trends.withPrevious(round, null, r -> ownerResults.of(r, grant)), questions.of(round));
    }

    public View forSchool(String tenantId, UUID roundId, UUID schoolId) {
        access.requireAtSchool(tenantId, schoolId, TenantRole.PRINCIPAL, TenantRole.SCHOOL_LEADER);
        SurveyRound round = round(tenantId, roundId);
        if (!results.includes(round, schoolId)) {
            throw ProblemException.notFound("School " + schoolId + " in survey round " + roundId);
        }
        UUID person = access.personId()
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "The token carries no person id"));
        return new View(trends.withPrevious(round, schoolId, r -> results.forSchool(r, schoolId, person)),
                questions.of(round));
    }

    private static SurveyRound round(String tenantId, UUID roundId) {
        return SurveyRound.findInTenant(tenantId, roundId)
                .orElseThrow(() -> ProblemException.notFound("Survey round " + roundId));
    }
}
