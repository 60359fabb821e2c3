package no.ks.led.funding.rest;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.funding.FundingPolicy;
import no.ks.led.funding.refund.PolicyRules;
import no.ks.led.funding.service.PolicyCatalogue;
import org.jboss.resteasy.reactive.RestResponse;

/** KS's funding policies: everyone signed in reads them (an owner sees what it applies under), {@code ks-admin} publishes. */
@Path("/api/national/funding-policies")
@Produces(MediaType.APPLICATION_JSON)
public class NationalPolicyResource {

    static final String POLICY_ID = "^[a-z0-9][a-z0-9-]{1,62}$";

    @Inject
    TenantAccess access;

    @Inject
    PolicyCatalogue catalogue;

    /** The newest version of every policy. */
    @GET
    public RestResponse<List<PolicyView>> list(@BeanParam PageRequest page) {
        return page.of(FundingPolicy.latestVersions()).map(PolicyView::of).toResponse();
    }

    /** A policy's newest version. */
    @GET
    @Path("{policyId}")
    public PolicyView get(@PathParam("policyId") String policyId) {
        return FundingPolicy.latest(policyId).map(PolicyView::of)
                .orElseThrow(() -> ProblemException.notFound("Funding policy " + policyId));
    }

    /** One published version of a policy, as it was published. */
    @GET
    @Path("{policyId}/versions/{version}")
    public PolicyView version(@PathParam("policyId") String policyId, @PathParam("version") int version) {
        return FundingPolicy.version(policyId, version).map(PolicyView::of)
                .orElseThrow(() -> ProblemException.notFound("Version " + version + " of funding policy " + policyId));
    }

    /** Publishes the policy's next version; earlier versions, and every amount computed under them, stay as they are. */
    @POST
    @Path("{policyId}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publish(@PathParam("policyId") String policyId,
            @NotNull(message = "a JSON body is required") @Valid NewPolicyVersion request) {
        access.requireNational("ks-admin");
        if (!policyId.matches(POLICY_ID)) {
            throw ProblemException.invalidField("policyId", "must be a lower-case slug");
        }
        String by = access.personId().map(Object::toString).orElse(access.subject());
        FundingPolicy published = catalogue.publish(policyId,
                new PolicyCatalogue.PolicyContent(request.name(), request.country(), request.rules()), by);
        return Response.created(URI.create("/api/national/funding-policies/" + policyId + "/versions/" + published.version()))
                .entity(PolicyView.of(published)).build();
    }

    /** A new version's name, country and rules. */
    public record NewPolicyVersion(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
            @Pattern(regexp = "NO|DK", message = "must be NO or DK") String country,
            @NotNull(message = "is required") PolicyRules rules) {
    }
}
