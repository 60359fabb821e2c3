package no.ks.led.scheduling.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.scheduling.repository.EvaluationRepository;
import no.ks.led.scheduling.service.Evaluations;

/** The evaluation after an activity: its questions and the caller's state, answering once, the results from k answers. */
@Path("/api/tenants/{tenantId}/activities/{activityId}/evaluation")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    /** The fixed questions: two ratings from 1 (not at all) to 5 (very), and a free text for the coordinator. */
    static final List<Question> QUESTIONS = List.of(new Question("usefulness", "rating", 1, 5),
            new Question("relevance", "rating", 1, 5), new Question("comment", "text", 0, 2000));

    @Inject
    TenantAccess access;

    @Inject
    Evaluations evaluations;

    /** The questions and where the caller stands: not-yet-open, open, answered, not-an-attendee or cancelled. */
    @GET
    public EvaluationView get(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId) {
        Grant grant = access.require(tenantId);
        return new EvaluationView(activityId, evaluations.state(grant, activityId, Instant.now()).code(), QUESTIONS);
    }

    /** The caller's answer: once, after the activity ended, if they attended. */
    @POST
    @Path("answers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response answer(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @NotNull(message = "a JSON body is required") @Valid NewAnswer request) {
        Grant grant = access.require(tenantId);
        evaluations.answer(grant, activityId, new EvaluationRepository.Answer(request.usefulness(), request.relevance(),
                request.comment()), Instant.now());
        return Response.created(URI.create("/api/tenants/" + tenantId + "/activities/" + activityId + "/evaluation"))
                .entity(new EvaluationView(activityId, Evaluations.State.ANSWERED.code(), QUESTIONS)).build();
    }

    /** The results, for the owner-executive and the coordinator: only from k answers; the free text for the coordinator. */
    @GET
    @Path("results")
    public Evaluations.Summary results(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId) {
        Grant grant = access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        return evaluations.results(grant, activityId);
    }

    /** One question: a rating from min to max, or a text of at most max characters. */
    public record Question(String id, String kind, int min, int max) {
    }

    /** The evaluation as the caller sees it. */
    public record EvaluationView(UUID activityId, String state, List<Question> questions) {
    }

    /** An answer to the evaluation. */
    public record NewAnswer(
            @NotNull(message = "is required") @Min(value = 1, message = "must be from 1 to 5")
            @Max(value = 5, message = "must be from 1 to 5") Integer usefulness,
            @NotNull(message = "is required") @Min(value = 1, message = "must be from 1 to 5")
            @Max(value = 5, message = "must be from 1 to 5") Integer relevance,
            @Size(max = 2000, message = "must be at most 2000 characters") String comment) {
    }
}
