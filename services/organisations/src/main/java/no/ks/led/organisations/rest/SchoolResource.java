package no.ks.led.organisations.rest;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.organisations.OrganisationNumber;
import no.ks.led.organisations.School;
import no.ks.led.organisations.service.TenantRegistry;

/** A tenant's schools. */
@Path("/api/tenants/{tenantId}/schools")
@Produces(MediaType.APPLICATION_JSON)
public class SchoolResource {

    @Inject
    TenantAccess access;

    @Inject
    TenantRegistry registry;

    @GET
    public List<SchoolView> list(@PathParam("tenantId") String tenantId) {
        access.require(tenantId);
        return School.listInTenant(tenantId).stream().map(SchoolView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("tenantId") String tenantId,
            @NotNull(message = "a JSON body is required") @Valid NewSchoolRequest request) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        School school = registry.addSchool(tenantId, new TenantRegistry.NewSchool(request.name(),
                OrganisationNumber.normalise(request.organisationNumber()), request.kind(), request.hasLeadershipTeam()));
        return Response.created(URI.create("/api/tenants/" + tenantId + "/schools/" + school.id))
                .entity(SchoolView.of(school)).build();
    }
}
