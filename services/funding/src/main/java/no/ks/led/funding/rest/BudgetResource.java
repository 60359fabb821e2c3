package no.ks.led.funding.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.funding.BudgetCost;
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

    /** Adds a cost the fund never refunds, for an activity or for a programme's year. */
    @POST
    @Path("costs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addCost(@PathParam("tenantId") String tenantId,
            @NotNull(message = "a JSON body is required") @Valid NewCostRequest request) {
        Grant grant = access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR, TenantRole.CONSULTANT);
        BudgetCost cost = budgets.add(tenantId, new Budgets.NewCost(request.kind(), request.description(), request.amountOre(),
                request.activityId(), request.programmeId(), request.year()), grant.personId().toString());
        return Response.created(URI.create("/api/tenants/" + tenantId + "/budget/costs/" + cost.id))
                .entity(CostView.of(cost)).build();
    }

    /** Removes a cost; another tenant's is a 404. */
    @DELETE
    @Path("costs/{costId}")
    public Response removeCost(@PathParam("tenantId") String tenantId, @PathParam("costId") UUID costId) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR, TenantRole.CONSULTANT);
        budgets.remove(tenantId, costId);
        return Response.noContent().build();
    }

    /** A cost: its kind (one of {@link BudgetCost#KINDS}), a description, the amount, and an activity or a programme and year. */
    public record NewCostRequest(
            @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String kind,
            @Size(max = 200, message = "must be at most 200 characters") String description,
            @NotNull(message = "is required") @PositiveOrZero(message = "must be 0 or more")
            @Max(value = CostsRequest.MAX_ORE, message = "is too large") Long amountOre,
            UUID activityId, UUID programmeId, Integer year) {
    }

    /** A stored cost. */
    public record CostView(UUID id, String kind, String description, long amountOre, UUID activityId, UUID programmeId, int year) {
        static CostView of(BudgetCost cost) {
            return new CostView(cost.id, cost.kind, cost.description, cost.amountOre, cost.activityId, cost.programmeId, cost.year);
        }
    }
}
