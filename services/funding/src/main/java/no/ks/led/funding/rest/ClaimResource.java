package no.ks.led.funding.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.download.Download;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.funding.ClaimAttachment;
import no.ks.led.funding.FundingClaim;
import no.ks.led.funding.FundingTenant;
import no.ks.led.funding.export.ClaimBundle;
import no.ks.led.funding.service.Claims;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A tenant's refund claims: consultants with an engagement may build them and attach invoices, only the owner
 * executive or coordinator submits and records what the fund paid.
 */
@Path("/api/tenants/{tenantId}/funding/claims")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimResource {

    private static final TenantRole[] PREPARERS = {TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR, TenantRole.CONSULTANT};

    @Inject
    TenantAccess access;

    @Inject
    Claims claims;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response prepare(@PathParam("tenantId") String tenantId, @NotNull(message = "a JSON body is required") @Valid NewClaim request) {
        Grant grant = access.require(tenantId, PREPARERS);
        FundingClaim claim = claims.prepare(tenantId, new Claims.ClaimCommand(request.applicationId(), request.organisationNumber(),
                request.accountNumber(), CostsRequest.days(request.days())), grant.personId().toString());
        return Response.created(URI.create("/api/tenants/" + tenantId + "/funding/claims/" + claim.id)).entity(ClaimView.of(claim)).build();
    }

    @GET
    @Transactional
    public RestResponse<List<ClaimView>> list(@PathParam("tenantId") String tenantId, @BeanParam PageRequest page) {
        access.require(tenantId, PREPARERS);
        return page.of(FundingClaim.findInTenant(tenantId)).map(ClaimView::of).toResponse();
    }

    @GET
    @Path("{claimId}")
    @Transactional
    public ClaimView get(@PathParam("tenantId") String tenantId, @PathParam("claimId") UUID claimId) {
        access.require(tenantId, PREPARERS);
        return ClaimView.of(claim(tenantId, claimId));
    }

    /** Attaches an invoice or the approval letter: the request body is the PDF. */
    @POST
    @Path("{claimId}/attachments")
    @Consumes("application/pdf")
    @Transactional
    public Response attach(@PathParam("tenantId") String tenantId, @PathParam("claimId") UUID claimId,
            @QueryParam("kind") String kind, @QueryParam("name") String name, byte[] content) {
        access.require(tenantId, PREPARERS);
        ClaimAttachment attachment = claims.attach(tenantId, claimId, kind, name, content);
        return Response.created(URI.create("/api/tenants/" + tenantId + "/funding/claims/" + claimId))
                .entity(new ClaimView.Attachment(attachment.id, attachment.kind, attachment.fileName, attachment.sizeBytes)).build();
    }

    @POST
    @Path("{claimId}/submission")
    @Transactional
    public ClaimView submit(@PathParam("tenantId") String tenantId, @PathParam("claimId") UUID claimId) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        return ClaimView.of(claims.submit(tenantId, claimId));
    }

    /** The refund the fund paid. */
    @POST
    @Path("{claimId}/refund")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public ClaimView refund(@PathParam("tenantId") String tenantId, @PathParam("claimId") UUID claimId,
            @NotNull(message = "a JSON body is required") @Valid ReceivedRefund request) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        return ClaimView.of(claims.received(tenantId, claimId, request.receivedOre(), request.receivedOn()));
    }

    /** The claim with every attachment as one PDF. */
    @GET
    @Path("{claimId}/bundle.pdf")
    @Produces("application/pdf")
    @Transactional
    public Response bundle(@PathParam("tenantId") String tenantId, @PathParam("claimId") UUID claimId) {
        access.require(tenantId, PREPARERS);
        FundingClaim claim = claim(tenantId, claimId);
        byte[] pdf = ClaimBundle.pdf(claim, FundingTenant.of(tenantId).orElse(null), ClaimAttachment.of(claimId));
        return Download.of(pdf, "application/pdf", "claim-" + claimId + ".pdf");
    }

    private static FundingClaim claim(String tenantId, UUID claimId) {
        return FundingClaim.findInTenant(tenantId, claimId).orElseThrow(() -> ProblemException.notFound("Claim " + claimId));
    }

    /** The approved application, the owner's numbers and the actual costs per day and speaker. */
    public record NewClaim(
            @NotNull(message = "is required") UUID applicationId,
            @NotBlank(message = "is required") @Size(max = 20, message = "must be at most 20 characters") String organisationNumber,
            @NotBlank(message = "is required") @Size(max = 20, message = "must be at most 20 characters") String accountNumber,
            @NotNull(message = "is required") @Size(min = 1, max = 400, message = "must name 1 to 400 days")
            List<CostsRequest.@NotNull(message = "must not be null") @Valid Day> days) {
    }

    /** What the fund paid and when. */
    public record ReceivedRefund(
            @NotNull(message = "is required") @PositiveOrZero(message = "must be 0 or more") @Max(value = CostsRequest.MAX_ORE, message = "is too large") Long receivedOre,
            @NotNull(message = "is required") LocalDate receivedOn) {
    }
}
