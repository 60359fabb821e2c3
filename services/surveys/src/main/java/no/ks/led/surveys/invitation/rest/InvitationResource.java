package no.ks.led.surveys.invitation.rest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;
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
import no.ks.led.surveys.invitation.repository.InvitationRepository;
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
    InvitationRepository repository;

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
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (InvitationRepository.StatusCount c : repository.counts(round.id)) {
            counts.computeIfAbsent(c.kind(), k -> new TreeMap<>()).put(c.status(), c.count());
        }
        return new Overview(counts, repository.withoutAddress(round.id));
    }
}
