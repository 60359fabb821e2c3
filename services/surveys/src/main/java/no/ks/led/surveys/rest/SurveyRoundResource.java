package no.ks.led.surveys.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.surveys.SurveyRound;

/** A tenant's rounds of the status analysis. */
@Path("/api/tenants/{tenantId}/survey-rounds")
@Produces(MediaType.APPLICATION_JSON)
public class SurveyRoundResource {

    @Inject
    TenantAccess access;

    @GET
    public List<SurveyRoundView> list(@PathParam("tenantId") String tenantId) {
        access.require(tenantId);
        return SurveyRound.listInTenant(tenantId).stream().map(SurveyRoundView::of).toList();
    }
}
