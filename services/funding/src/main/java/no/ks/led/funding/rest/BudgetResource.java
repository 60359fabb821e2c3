package no.ks.led.funding.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.problem.ProblemException;
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
            @QueryParam("year") Integer year) {
        // the tenant first: a non-member gets the same 404 whatever the query says
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR, TenantRole.CONSULTANT);
        if (year == null || year < 2000 || year > 2100) {
            throw ProblemException.invalidField("year", "is required, from 2000 to 2100");
        }
        return budgets.of(tenantId, year);
    }
}
