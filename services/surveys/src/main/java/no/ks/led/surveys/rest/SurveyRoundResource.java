package no.ks.led.surveys.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.idempotency.IdempotencyKey;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.surveys.SurveyRound;
import no.ks.led.surveys.repository.SurveyRoundRepository;
import no.ks.led.surveys.service.RoundClosing;
import no.ks.led.surveys.service.RoundOpening;
import no.ks.led.surveys.service.RoundQuestions;
import org.jboss.resteasy.reactive.RestResponse;

/** A tenant's rounds of the status analysis. */
@Path("/api/tenants/{tenantId}/survey-rounds")
@Produces(MediaType.APPLICATION_JSON)
public class SurveyRoundResource {

    @Inject
    TenantAccess access;

    @Inject
    RoundOpening opening;

    @Inject
    RoundQuestions questions;

    @Inject
    RoundClosing closing;

    @Inject
    SurveyRoundRepository rounds;

    @GET
    public RestResponse<List<SurveyRoundView>> list(@PathParam("tenantId") String tenantId, @BeanParam PageRequest page) {
        access.require(tenantId);
        return page.of(SurveyRound.findInTenant(tenantId)).map(SurveyRoundView::of).toResponse();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(@PathParam("tenantId") String tenantId,
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid NewSurveyRound request) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        UUID openedBy = access.personId()
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "The token carries no person id"));
        RoundOpening.Opened opened = opening.open(tenantId, request.toCommand(), openedBy,
                IdempotencyKey.fromHeader(idempotencyKey).orElse(null));
        SurveyRoundView view = SurveyRoundView.of(opened.round());
        if (!opened.isNew()) {
            // a retry with the same Idempotency-Key: the round the first request opened, as programmes answer
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/api/tenants/" + tenantId + "/survey-rounds/" + view.id())).entity(view).build();
    }

    @GET
    @Path("{roundId}")
    @Transactional
    public SurveyRoundDetail get(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId) {
        access.require(tenantId);
        SurveyRound round = find(tenantId, roundId);
        return SurveyRoundDetail.of(round, rounds.schools(round.id), questions.of(round));
    }

    /** Who has finished; for the owner's coordinator and executive. */
    @GET
    @Path("{roundId}/completion")
    @Transactional
    public RestResponse<List<Completion>> completion(@PathParam("tenantId") String tenantId,
            @PathParam("roundId") UUID roundId, @BeanParam PageRequest page) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        SurveyRound round = find(tenantId, roundId);
        return page.of(rounds.completions(round.id))
                .map(c -> new Completion(c.schoolId(), c.personId(), c.submittedAt())).toResponse();
    }

    /**
     * Closes an open round early: no answers from today, its last day becomes yesterday, and the round's
     * results are final as when it closes by itself after its last day.
     */
    @POST
    @Path("{roundId}/closing")
    public Response close(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        closing.closeEarly(tenantId, roundId);
        return Response.noContent().build();
    }

    static SurveyRound find(String tenantId, UUID roundId) {
        return SurveyRound.findInTenant(tenantId, roundId)
                .orElseThrow(() -> ProblemException.notFound("Survey round " + roundId));
    }
}
