package no.ks.led.surveys.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.surveys.LevelResults;
import no.ks.led.surveys.Results;
import no.ks.led.surveys.SurveyRound;
import no.ks.led.surveys.service.OwnerResults;
import no.ks.led.surveys.service.ResultSharing;
import no.ks.led.surveys.service.RoundResults;
import no.ks.led.surveys.service.RoundTrends;

/**
 * A round's results, with suppression and the change since the previous round: the school's own leaders, and
 * the owner's aggregate.
 */
@Path("/api/tenants/{tenantId}/survey-rounds/{roundId}/results")
@Produces(MediaType.APPLICATION_JSON)
public class ResultsResource {

    @Inject
    TenantAccess access;

    @Inject
    RoundResults results;

    @Inject
    ResultSharing sharing;

    @Inject
    OwnerResults ownerResults;

    @Inject
    RoundTrends trends;

    /** The owner's view (owner-executive, coordinator; a consultant within their engagement): the tenant's aggregate. */
    @GET
    public Results forTenant(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId) {
        Grant grant = access.require(tenantId, OwnerResults.VIEWERS);
        SurveyRound round = SurveyRoundResource.find(tenantId, roundId);
        return trends.withPrevious(round, null, r -> ownerResults.of(r, grant));
    }

    /**
     * The owner's view split by the respondents' level (principals, middle leaders), each level shown only where k
     * and complementary suppression across the split allow; the same viewers as the owner's view.
     */
    @GET
    @Path("levels")
    public LevelResults byLevel(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId) {
        Grant grant = access.require(tenantId, OwnerResults.VIEWERS);
        SurveyRound round = SurveyRoundResource.find(tenantId, roundId);
        return ownerResults.byLevel(round, grant);
    }

    /** A school's results, for that school's principal and school leaders only. */
    @GET
    @Path("schools/{schoolId}")
    public Results forSchool(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @PathParam("schoolId") UUID schoolId) {
        access.requireAtSchool(tenantId, schoolId, TenantRole.PRINCIPAL, TenantRole.SCHOOL_LEADER);
        SurveyRound round = roundWithSchool(tenantId, roundId, schoolId);
        UUID person = person();
        return trends.withPrevious(round, schoolId, r -> results.forSchool(r, schoolId, person));
    }

    /** The school's principal shares its results with the owner (who sees them where the k rule allows). */
    @PUT
    @Path("schools/{schoolId}/sharing")
    public Results share(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @PathParam("schoolId") UUID schoolId) {
        access.requireAtSchool(tenantId, schoolId, TenantRole.PRINCIPAL);
        SurveyRound round = roundWithSchool(tenantId, roundId, schoolId);
        sharing.share(round, schoolId, person());
        return results.forSchool(round, schoolId, person());
    }

    /** The school's principal withdraws the sharing; the owner no longer sees the school's results. */
    @DELETE
    @Path("schools/{schoolId}/sharing")
    public Results withdraw(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @PathParam("schoolId") UUID schoolId) {
        access.requireAtSchool(tenantId, schoolId, TenantRole.PRINCIPAL);
        SurveyRound round = roundWithSchool(tenantId, roundId, schoolId);
        sharing.withdraw(round, schoolId);
        return results.forSchool(round, schoolId, person());
    }

    private SurveyRound roundWithSchool(String tenantId, UUID roundId, UUID schoolId) {
        SurveyRound round = SurveyRoundResource.find(tenantId, roundId);
        if (!results.includes(round, schoolId)) {
            throw ProblemException.notFound("School " + schoolId + " in survey round " + roundId);
        }
        return round;
    }

    private UUID person() {
        return access.personId().orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "The token carries no person id"));
    }
}
