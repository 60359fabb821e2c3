package no.ks.led.funding.rest;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.funding.service.Budgets;

/** A tenant's programme budget for a year, with what the fund covers and what the owner pays. */
@Path("/api/tenants/{tenantId}/budget")
@Produces(MediaType.APPLICATION_JSON)
public class BudgetResource {

    @Inject
    TenantAccess access;

    @Inject
    Budgets budgets;

    @GET
    public Budgets.Budget budget(@PathParam("tenantId") String tenantId,
            @QueryParam("year") @NotNull(message = "is required") @Min(value = 2000, message = "must be 2000 or later")
            @Max(value = 2100, message = "must be 2100 or earlier") Integer year) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR, TenantRole.CONSULTANT);
        return budgets.of(tenantId, year);
    }
}
