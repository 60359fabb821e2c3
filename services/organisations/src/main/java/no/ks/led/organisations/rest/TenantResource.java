package no.ks.led.organisations.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.organisations.Tenant;

/** A tenant as its own members see it: its name, and the language and time zone its pages are shown in. */
@Path("/api/tenants/{tenantId}")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    @Inject
    TenantAccess access;

    @GET
    public TenantView get(@PathParam("tenantId") String tenantId) {
        access.require(tenantId);
        Tenant tenant = Tenant.<Tenant>findByIdOptional(tenantId).orElseThrow(() -> ProblemException.notFound("Tenant " + tenantId));
        return TenantView.of(tenant);
    }
}
