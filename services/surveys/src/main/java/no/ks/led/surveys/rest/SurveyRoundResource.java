package no.ks.led.surveys.rest;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.surveys.SurveyRound;
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
    EntityManager entityManager;

    @GET
    public RestResponse<List<SurveyRoundView>> list(@PathParam("tenantId") String tenantId, @BeanParam PageRequest page) {
        access.require(tenantId);
        return page.of(SurveyRound.findInTenant(tenantId)).map(SurveyRoundView::of).toResponse();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(@PathParam("tenantId") String tenantId,
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 100, message = "must be 1 to 100 characters")
            String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid NewSurveyRound request) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        UUID openedBy = access.personId()
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "The token carries no person id"));
        RoundOpening.Opened opened = opening.open(tenantId, request, openedBy, idempotencyKey);
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
        @SuppressWarnings("unchecked")
        List<UUID> schools = entityManager.createNativeQuery(
                "SELECT school_id FROM survey_round_school WHERE round_id = ?1 ORDER BY school_id")
                .setParameter(1, round.id).getResultList();
        return SurveyRoundDetail.of(round, schools, questions.of(round));
    }

    /** Who has finished; for the owner's coordinator and executive. */
    @GET
    @Path("{roundId}/completion")
    @Transactional
    public RestResponse<List<Completion>> completion(@PathParam("tenantId") String tenantId,
            @PathParam("roundId") UUID roundId, @BeanParam PageRequest page) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        SurveyRound round = find(tenantId, roundId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT school_id, person_id, submitted_at FROM survey_completion WHERE round_id = ?1
                ORDER BY school_id, person_id""").setParameter(1, round.id).getResultList();
        return page.of(rows).map(r -> new Completion((UUID) r[0], (UUID) r[1], instant(r[2]))).toResponse();
    }

    static SurveyRound find(String tenantId, UUID roundId) {
        return SurveyRound.findInTenant(tenantId, roundId)
                .orElseThrow(() -> ProblemException.notFound("Survey round " + roundId));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
