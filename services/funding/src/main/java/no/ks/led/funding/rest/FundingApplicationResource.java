package no.ks.led.funding.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.funding.FundingApplication;
import org.jboss.resteasy.reactive.RestResponse;

/** A tenant's applications to the OU fund. */
@Path("/api/tenants/{tenantId}/funding-applications")
@Produces(MediaType.APPLICATION_JSON)
public class FundingApplicationResource {

    @Inject
    TenantAccess access;

    @GET
    public RestResponse<List<FundingApplicationView>> list(@PathParam("tenantId") String tenantId,
            @BeanParam PageRequest page) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        return page.of(FundingApplication.findInTenant(tenantId)).map(FundingApplicationView::of).toResponse();
    }
}
