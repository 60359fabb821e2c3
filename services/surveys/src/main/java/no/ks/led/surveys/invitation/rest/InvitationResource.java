package no.ks.led.surveys.invitation.rest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.surveys.SurveyRound;
import no.ks.led.surveys.invitation.service.Invitations;

/** A round's e-mails: queue reminders, and see how the invitations are doing. */
@Path("/api/tenants/{tenantId}/survey-rounds/{roundId}")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

    @Inject
    TenantAccess access;

    @Inject
    Invitations invitations;

    @Inject
    EntityManager entityManager;

    /** Counts per kind and status, and who has no known address (their e-mails wait for one). */
    public record Overview(Map<String, Map<String, Long>> counts, List<UUID> withoutAddress) {
    }

    /** Queues a reminder to every respondent who has not submitted; once a day per round (409 otherwise). */
    @POST
    @Path("reminders")
    public Response remind(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        return Response.accepted(invitations.queueReminders(tenantId, roundId)).build();
    }

    @GET
    @Path("invitations")
    @Transactional
    public Overview overview(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        SurveyRound round = SurveyRound.findInTenant(tenantId, roundId)
                .orElseThrow(() -> ProblemException.notFound("Survey round " + roundId));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT kind, status, count(*) FROM invitation WHERE round_id = ?1 GROUP BY kind, status")
                .setParameter(1, round.id).getResultList();
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (Object[] r : rows) {
            counts.computeIfAbsent((String) r[0], k -> new TreeMap<>()).put((String) r[1], ((Number) r[2]).longValue());
        }
        @SuppressWarnings("unchecked")
        List<UUID> without = entityManager.createNativeQuery("""
                SELECT DISTINCT person_id FROM invitation WHERE round_id = ?1 AND status = 'pending-address'
                ORDER BY person_id""").setParameter(1, round.id).getResultList();
        return new Overview(counts, without);
    }
}
