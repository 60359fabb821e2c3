package no.ks.led.programmes.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.foundation.idempotency.IdempotencyKey;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.programmes.Phase;
import no.ks.led.programmes.TenantProfile;
import no.ks.led.programmes.export.PlanDocument;
import no.ks.led.programmes.plan.Evaluation;
import no.ks.led.programmes.plan.PhaseDone;
import no.ks.led.programmes.plan.PlanChange;
import no.ks.led.programmes.plan.StepDone;
import no.ks.led.programmes.service.PlanReading;
import no.ks.led.programmes.service.PlanWriting;
import no.ks.led.programmes.service.ResultFocus;

/**
 * A programme's local plan: read by every member (what is about a school only where their role reaches), written
 * by the owner's executive and coordinator; as JSON or as a Word document.
 */
@Path("/api/tenants/{tenantId}/programmes/{programmeId}")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    @Inject
    TenantAccess access;

    @Inject
    PlanReading reading;

    @Inject
    PlanWriting writing;

    @Inject
    TenantZones zones;

    @Inject
    ResultFocus focus;

    @GET
    @Path("plan")
    public PlanReading.LocalPlan plan(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId) {
        Grant grant = access.require(tenantId);
        return reading.plan(tenantId, programmeId, grant);
    }

    /** The plan as a Word document in the tenant's language. */
    @GET
    @Path("plan.docx")
    @Produces(PlanDocument.MEDIA_TYPE)
    public Response document(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId) {
        Grant grant = access.require(tenantId);
        PlanReading.LocalPlan plan = reading.plan(tenantId, programmeId, grant);
        TenantProfile profile = TenantProfile.of(tenantId).orElse(null);
        String language = profile == null ? plan.language() : profile.language;
        byte[] document = PlanDocument.write(plan, profile == null ? tenantId : profile.name, language, zones.of(tenantId));
        return Response.ok(document, PlanDocument.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lokal-plan-" + programmeId + ".docx\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** The plan's cycles, each with what changed against the one before. */
    @GET
    @Path("plan/history")
    public List<PlanReading.Cycle> history(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId) {
        Grant grant = access.require(tenantId);
        return reading.history(tenantId, programmeId, grant);
    }

    /** Per school the reader may see: the lowest sections of its latest closed round and the largest falls since. */
    @GET
    @Path("plan/focus")
    public List<ResultFocus.SchoolFocus> focus(@PathParam("tenantId") String tenantId,
            @PathParam("programmeId") UUID programmeId) {
        Grant grant = access.require(tenantId);
        return focus.of(tenantId, programmeId, grant);
    }

    /** Marks a getting-started step done; done already, it keeps who did it first and when. */
    @POST
    @Path("plan/checklist/{stepCode}/completion")
    public StepView completeStep(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @PathParam("stepCode") String stepCode) {
        Grant grant = owner(tenantId);
        StepDone done = writing.completeStep(tenantId, programmeId, stepCode, grant.personId().toString());
        return new StepView(done.stepCode, done.doneBy, done.doneAt);
    }

    /** Completes a phase in the current cycle; completed already, nothing changes. */
    @POST
    @Path("plan/phases/{phase}/completion")
    public PhaseCompletionView completePhase(@PathParam("tenantId") String tenantId,
            @PathParam("programmeId") UUID programmeId, @PathParam("phase") String phase) {
        Grant grant = owner(tenantId);
        Phase p = Phase.fromCode(phase).orElseThrow(() -> ProblemException.notFound("Phase " + phase));
        PhaseDone done = writing.completePhase(tenantId, programmeId, p, grant.personId().toString());
        return new PhaseCompletionView(done.phase, done.cycle, done.completedBy, done.completedAt);
    }

    /** Adds an entry, a measure, a participant or an activity to the plan. */
    @POST
    @Path("plan/changes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid PlanChange change) {
        Grant grant = owner(tenantId);
        PlanWriting.Added added = writing.change(tenantId, programmeId, change, grant.personId().toString(),
                IdempotencyKey.fromHeader(idempotencyKey).orElse(null));
        return Response.created(URI.create("/api/tenants/" + tenantId + "/programmes/" + programmeId + "/plan"))
                .entity(added).build();
    }

    /** Evaluates the plan: the current cycle is kept as it stands and the next begins. */
    @POST
    @Path("plan/evaluations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response evaluate(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid NewEvaluation request) {
        Grant grant = owner(tenantId);
        Evaluation e = writing.evaluate(tenantId, programmeId, request.summary(), grant.personId().toString(),
                IdempotencyKey.fromHeader(idempotencyKey).orElse(null));
        return Response.created(URI.create("/api/tenants/" + tenantId + "/programmes/" + programmeId + "/plan/history"))
                .entity(new PlanReading.EvaluationView(e.cycle, e.summary, e.evaluatedAt)).build();
    }

    private Grant owner(String tenantId) {
        return access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
    }

    /** A done step: who (person id) and when. */
    public record StepView(String code, String doneBy, Instant doneAt) {
    }

    public record PhaseCompletionView(String phase, int cycle, String completedBy, Instant completedAt) {
    }

    /** The owner's summary of a cycle. */
    public record NewEvaluation(@NotBlank(message = "must not be blank") @Size(max = 5000, message = "must be at most 5000 characters") String summary) {
    }
}
