package no.ks.led.funding.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.funding.service.Estimates;

/** What the fund would refund for some days and fees, under a policy's newest version: nothing is stored. */
@Path("/api/tenants/{tenantId}/funding/estimates")
@Produces(MediaType.APPLICATION_JSON)
public class EstimateResource {

    @Inject
    TenantAccess access;

    @Inject
    Estimates estimates;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Estimates.Estimate estimate(@PathParam("tenantId") String tenantId,
            @NotNull(message = "a JSON body is required") @Valid EstimateRequest request) {
        access.require(tenantId);
        return estimates.estimate(new Estimates.EstimateCommand(request.policy(), CostsRequest.days(request.days()),
                request.participantFeesOre() == null ? List.of() : request.participantFeesOre(),
                CostsRequest.studyFees(request.studyFees()), CostsRequest.otherCosts(request.otherCosts())));
    }

    /** The policy, the days with their speakers, one fee per participant, study fees, and costs the fund never refunds (each optional). */
    public record EstimateRequest(
            @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String policy,
            @Size(max = 400, message = "must be at most 400 days") List<CostsRequest.@NotNull(message = "must not be null") @Valid Day> days,
            @Size(max = 10_000, message = "must be at most 10,000 participants")
            List<@NotNull(message = "must not be null") @PositiveOrZero(message = "must be 0 or more")
                    @Max(value = CostsRequest.MAX_ORE, message = "is too large") Long> participantFeesOre,
            @Size(max = 10_000, message = "must be at most 10,000 study fees")
            List<CostsRequest.@NotNull(message = "must not be null") @Valid StudyFee> studyFees,
            @Size(max = 1_000, message = "must be at most 1,000 costs")
            List<CostsRequest.@NotNull(message = "must not be null") @Valid OtherCost> otherCosts) {
    }
}
