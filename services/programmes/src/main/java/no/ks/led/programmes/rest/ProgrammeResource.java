package no.ks.led.programmes.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.programmes.Programme;
import no.ks.led.programmes.service.ProgrammePlanning;
import org.jboss.resteasy.reactive.RestResponse;

/** A tenant's programmes. */
@Path("/api/tenants/{tenantId}/programmes")
@Produces(MediaType.APPLICATION_JSON)
public class ProgrammeResource {

    @Inject
    TenantAccess access;

    @Inject
    ProgrammePlanning planning;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("tenantId") String tenantId,
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid NewProgramme request) {
        Grant grant = access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        ProgrammePlanning.Created created = planning.create(tenantId, request.name(), grant.personId().toString(),
                IdempotencyKey.fromHeader(idempotencyKey).orElse(null));
        ProgrammeView view = ProgrammeView.of(created.programme());
        if (!created.isNew()) {
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/api/tenants/" + tenantId + "/programmes/" + view.id())).entity(view).build();
    }

    @GET
    public RestResponse<List<ProgrammeView>> list(@PathParam("tenantId") String tenantId, @BeanParam PageRequest page) {
        access.require(tenantId);
        return page.of(Programme.findInTenant(tenantId)).map(ProgrammeView::of).toResponse();
    }

    @GET
    @Path("{programmeId}")
    public ProgrammeView get(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId) {
        access.require(tenantId);
        return Programme.findInTenant(tenantId, programmeId)
                .map(ProgrammeView::of)
                .orElseThrow(() -> ProblemException.notFound("Programme " + programmeId));
    }
}
