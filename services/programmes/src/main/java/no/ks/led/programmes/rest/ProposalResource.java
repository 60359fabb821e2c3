package no.ks.led.programmes.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.idempotency.IdempotencyKey;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.programmes.plan.PlanChange;
import no.ks.led.programmes.plan.Proposal;
import no.ks.led.programmes.service.Proposals;
import org.jboss.resteasy.reactive.RestResponse;

/** Consultants' proposed changes to a plan, and the owner's decision on each. */
@Path("/api/tenants/{tenantId}/programmes/{programmeId}/proposals")
@Produces(MediaType.APPLICATION_JSON)
public class ProposalResource {

    @Inject
    TenantAccess access;

    @Inject
    Proposals proposals;

    /** A consultant with an engagement proposes a change. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response propose(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid NewProposal request) {
        Grant grant = access.require(tenantId, TenantRole.CONSULTANT);
        Proposal proposal = proposals.propose(tenantId, programmeId, request.change(), request.note(), grant,
                IdempotencyKey.fromHeader(idempotencyKey).orElse(null));
        return Response.created(URI.create("/api/tenants/" + tenantId + "/programmes/" + programmeId + "/proposals"))
                .entity(ProposalView.of(proposal)).build();
    }

    /** All proposals for the owner; a consultant's own for a consultant. */
    @GET
    public RestResponse<List<ProposalView>> list(@PathParam("tenantId") String tenantId,
            @PathParam("programmeId") UUID programmeId, @BeanParam PageRequest page) {
        Grant grant = access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR, TenantRole.CONSULTANT);
        return page.of(proposals.visible(tenantId, programmeId, grant)).map(ProposalView::of).toResponse();
    }

    /** The owner accepts (the change is made) or rejects a proposal, once. */
    @POST
    @Path("{proposalId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProposalView decide(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @PathParam("proposalId") UUID proposalId, @NotNull(message = "a JSON body is required") @Valid Decision request) {
        Grant grant = access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        return ProposalView.of(proposals.decide(tenantId, programmeId, proposalId, request.accept(), request.reason(),
                grant.personId().toString()));
    }

    /** A proposed change, with a note to the owner. */
    public record NewProposal(@NotNull(message = "is required") @Valid PlanChange change,
            @Size(max = 2000, message = "must be at most 2000 characters") String note) {
    }

    /** The owner's decision: accept or reject, with an optional reason. */
    public record Decision(@NotNull(message = "must be true or false") Boolean accept,
            @Size(max = 2000, message = "must be at most 2000 characters") String reason) {
    }

    /** A proposal as the API shows it. */
    public record ProposalView(UUID id, UUID programmeId, String proposedBy, PlanChange change, String note, String status,
            Instant createdAt, String decidedBy, Instant decidedAt, String reason) {

        static ProposalView of(Proposal p) {
            return new ProposalView(p.id, p.programmeId, p.proposedBy, p.change, p.note, p.status, p.createdAt,
                    p.decidedBy, p.decidedAt, p.reason);
        }
    }
}
