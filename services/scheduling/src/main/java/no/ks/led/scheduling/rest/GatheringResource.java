package no.ks.led.scheduling.rest;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.scheduling.Gathering;
import no.ks.led.scheduling.ProgrammeRef;
import org.jboss.resteasy.reactive.RestResponse;

/** The gatherings of a tenant's programme. */
@Path("/api/tenants/{tenantId}/programmes/{programmeId}/gatherings")
@Produces(MediaType.APPLICATION_JSON)
public class GatheringResource {

    @Inject
    TenantAccess access;

    @GET
    public RestResponse<List<GatheringView>> list(@PathParam("tenantId") String tenantId,
            @PathParam("programmeId") UUID programmeId, @BeanParam PageRequest page) {
        access.require(tenantId);
        if (!ProgrammeRef.existsInTenant(tenantId, programmeId)) {
            throw ProblemException.notFound("Programme " + programmeId);
        }
        return page.of(Gathering.findForProgramme(tenantId, programmeId)).map(GatheringView::of).toResponse();
    }
}
