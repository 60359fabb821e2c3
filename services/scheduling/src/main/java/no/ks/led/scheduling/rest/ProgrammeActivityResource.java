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
import no.ks.led.scheduling.Activity;
import no.ks.led.scheduling.ProgrammeRef;
import no.ks.led.scheduling.service.CalendarChecks;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The activities of one of the tenant's programmes, earliest first, with their warnings. A programme scheduling has
 * not heard of yet (ProgrammeCreated on its way) is a 404, as another tenant's.
 */
@Path("/api/tenants/{tenantId}/programmes/{programmeId}/activities")
@Produces(MediaType.APPLICATION_JSON)
public class ProgrammeActivityResource {

    @Inject
    TenantAccess access;

    @Inject
    CalendarChecks checks;

    @GET
    public RestResponse<List<ActivityView>> list(@PathParam("tenantId") String tenantId,
            @PathParam("programmeId") UUID programmeId, @BeanParam PageRequest page) {
        access.require(tenantId);
        if (!ProgrammeRef.existsInTenant(tenantId, programmeId)) {
            throw ProblemException.notFound("Programme " + programmeId);
        }
        CalendarChecks.Checker checker = checks.forTenant(tenantId);
        return page.of(Activity.findForProgramme(tenantId, programmeId)).map(a -> ActivityView.of(a, checker.warnings(a)))
                .toResponse();
    }
}
