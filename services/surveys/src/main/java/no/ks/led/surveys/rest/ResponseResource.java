package no.ks.led.surveys.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.idempotency.IdempotencyKey;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.surveys.SurveyRound;
import no.ks.led.surveys.service.Responding;

/**
 * The caller's own response to a round: read, save a draft, submit (the draft, or answers sent with the submission).
 * Only the round's respondents may.
 */
@Path("/api/tenants/{tenantId}/survey-rounds/{roundId}/responses/mine")
@Produces(MediaType.APPLICATION_JSON)
public class ResponseResource {

    @Inject
    TenantAccess access;

    @Inject
    Responding responding;

    @GET
    public Responding.MyResponse get(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId) {
        access.require(tenantId);
        return responding.mine(round(tenantId, roundId), person());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Responding.MyResponse saveDraft(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @NotNull(message = "a JSON body is required") @Valid AnswersRequest request) {
        access.require(tenantId);
        return responding.saveDraft(round(tenantId, roundId), person(), request.toAnswers());
    }

    /** Submits the saved draft; a retry with the same Idempotency-Key changes nothing and answers the same. */
    @POST
    @Path("submission")
    public Responding.MyResponse submit(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
        Grant caller = access.require(tenantId);
        IdempotencyKey key = IdempotencyKey.requiredFromHeader(idempotencyKey);
        return responding.submit(tenantId, roundId, caller, key.value()).response();
    }

    /**
     * Submits the answers in the body ({@code {"answers":[…]}}, as for {@code PUT}) at once: saved and submitted in
     * one transaction, for a client that has no draft to keep. An empty body submits the saved draft, as above.
     */
    @POST
    @Path("submission")
    @Consumes(MediaType.APPLICATION_JSON)
    public Responding.MyResponse submitAnswers(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey, @Valid AnswersRequest request) {
        if (request == null) {
            return submit(tenantId, roundId, idempotencyKey);
        }
        Grant caller = access.require(tenantId);
        IdempotencyKey key = IdempotencyKey.requiredFromHeader(idempotencyKey);
        return responding.submit(tenantId, roundId, caller, key.value(), request.toAnswers()).response();
    }

    private static SurveyRound round(String tenantId, UUID roundId) {
        return SurveyRoundResource.find(tenantId, roundId);
    }

    private UUID person() {
        return access.personId().orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "The token carries no person id"));
    }
}
