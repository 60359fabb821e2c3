package no.ks.led.organisations.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.organisations.OrganisationNumber;
import no.ks.led.organisations.School;
import no.ks.led.organisations.service.TenantRegistry;
import org.jboss.resteasy.reactive.RestResponse;

/** A tenant's schools. */
@Path("/api/tenants/{tenantId}/schools")
@Produces(MediaType.APPLICATION_JSON)
public class SchoolResource {

    @Inject
    TenantAccess access;

    @Inject
    TenantRegistry registry;

    @GET
    public RestResponse<List<SchoolView>> list(@PathParam("tenantId") String tenantId, @BeanParam PageRequest page) {
        access.require(tenantId);
        return page.of(School.findInTenant(tenantId)).map(SchoolView::of).toResponse();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("tenantId") String tenantId,
            @NotNull(message = "a JSON body is required") @Valid NewSchoolRequest request) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        School school = registry.addSchool(tenantId, new TenantRegistry.NewSchool(request.name(),
                OrganisationNumber.normalise(request.organisationNumber()),
                OrganisationNumber.normalise(request.institutionNumber()), request.kind(), request.hasLeadershipTeam()));
        return Response.created(URI.create("/api/tenants/" + tenantId + "/schools/" + school.id))
                .entity(SchoolView.of(school)).build();
    }

    @GET
    @Path("{schoolId}")
    public SchoolView get(@PathParam("tenantId") String tenantId, @PathParam("schoolId") String schoolId) {
        access.require(tenantId);
        return SchoolView.of(TenantRegistry.school(tenantId, Fields.pathId("School", schoolId)));
    }

    /** Changes a school's name, kind or leadership team; what is left out stays. */
    @PATCH
    @Path("{schoolId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public SchoolView change(@PathParam("tenantId") String tenantId, @PathParam("schoolId") String schoolId,
            @NotNull(message = "a JSON body is required") @Valid SchoolChangeRequest request) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        UUID id = Fields.pathId("School", schoolId);
        return SchoolView.of(registry.changeSchool(tenantId, id,
                new TenantRegistry.SchoolChange(request.name(), request.kind(), request.hasLeadershipTeam())));
    }
}
