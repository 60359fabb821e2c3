package no.ks.led.funding.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.download.Download;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.foundation.idempotency.IdempotencyKey;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.funding.FundingApplication;
import no.ks.led.funding.FundingTenant;
import no.ks.led.funding.ScheduledActivity;
import no.ks.led.funding.export.ApplicationSummary;
import no.ks.led.funding.service.Applications;
import no.ks.led.funding.service.Warnings;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A tenant's applications to the fund: consultants with an engagement may prepare them, only the owner executive
 * or coordinator submits and records the fund's decisions.
 */
@Path("/api/tenants/{tenantId}/funding")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    private static final TenantRole[] PREPARERS = {TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR, TenantRole.CONSULTANT};

    @Inject
    TenantAccess access;

    @Inject
    Applications applications;

    @Inject
    Warnings warnings;

    @Inject
    TenantZones zones;

    @POST
    @Path("applications")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response prepare(@PathParam("tenantId") String tenantId, @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid NewApplication request) {
        Grant grant = access.require(tenantId, PREPARERS);
        Applications.Prepared prepared = applications.prepare(tenantId,
                new Applications.Preparation(request.title().strip(), request.policy(), request.activityIds(),
                        CostsRequest.studyFees(request.studyFees())),
                grant.personId().toString(), IdempotencyKey.fromHeader(idempotencyKey).orElse(null));
        ApplicationView view = ApplicationView.of(prepared.application());
        if (!prepared.isNew()) {
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/api/tenants/" + tenantId + "/funding/applications/" + view.id())).entity(view).build();
    }

    @GET
    @Path("applications")
    public RestResponse<List<FundingApplicationView>> list(@PathParam("tenantId") String tenantId, @BeanParam PageRequest page) {
        access.require(tenantId, PREPARERS);
        return page.of(FundingApplication.findInTenant(tenantId)).map(FundingApplicationView::of).toResponse();
    }

    @GET
    @Path("applications/{applicationId}")
    public ApplicationView get(@PathParam("tenantId") String tenantId, @PathParam("applicationId") UUID applicationId) {
        access.require(tenantId, PREPARERS);
        return FundingApplication.findInTenant(tenantId, applicationId).map(ApplicationView::of)
                .orElseThrow(() -> ProblemException.notFound("Funding application " + applicationId));
    }

    /** Submitted, approved (case number, amount, expiry), refused (reason) or withdrawn. */
    @POST
    @Path("applications/{applicationId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApplicationView decide(@PathParam("tenantId") String tenantId, @PathParam("applicationId") UUID applicationId,
            @NotNull(message = "a JSON body is required") @Valid DecisionRequest request) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        return ApplicationView.of(applications.decide(tenantId, applicationId, new Applications.Decision(request.status(),
                request.on(), request.caseNumber(), request.approvedOre(), request.expiresOn(), request.reason())));
    }

    /** The summary for KS's portal, as PDF. */
    @GET
    @Path("applications/{applicationId}/summary.pdf")
    @Produces("application/pdf")
    @Transactional
    public Response summary(@PathParam("tenantId") String tenantId, @PathParam("applicationId") UUID applicationId) {
        access.require(tenantId, PREPARERS);
        FundingApplication application = FundingApplication.findInTenant(tenantId, applicationId)
                .orElseThrow(() -> ProblemException.notFound("Funding application " + applicationId));
        List<ScheduledActivity> activities = application.activityIds.stream()
                .map(id -> ScheduledActivity.<ScheduledActivity>findById(id)).filter(a -> a != null).toList();
        byte[] pdf = ApplicationSummary.pdf(application, FundingTenant.of(tenantId).orElse(null), activities,
                zones.of(tenantId));
        return Download.of(pdf, "application/pdf", "application-" + applicationId + ".pdf");
    }

    /** Activities that need an application soon, and those held before an approval (refunded nothing). */
    @GET
    @Path("warnings")
    public List<Warnings.Warning> warnings(@PathParam("tenantId") String tenantId) {
        access.require(tenantId, PREPARERS);
        return warnings.of(tenantId);
    }

    /** A title, the policy and the scheduled activities the application is for. */
    public record NewApplication(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String title,
            @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String policy,
            @NotNull(message = "is required") @Size(min = 1, max = 200, message = "must name 1 to 200 activities")
            List<@NotNull(message = "must not be null") UUID> activityIds,
            @Size(max = 10_000, message = "must be at most 10,000 study fees")
            List<CostsRequest.@NotNull(message = "must not be null") @Valid StudyFee> studyFees) {
    }

    /** The new status and what it needs. */
    public record DecisionRequest(
            @NotNull(message = "is required") @Pattern(regexp = "submitted|approved|refused|withdrawn",
                    message = "must be submitted, approved, refused or withdrawn") String status,
            LocalDate on,
            @Size(max = 40, message = "must be at most 40 characters") String caseNumber,
            @PositiveOrZero(message = "must be 0 or more") @Max(value = CostsRequest.MAX_ORE, message = "is too large") Long approvedOre,
            LocalDate expiresOn,
            @Size(max = 2000, message = "must be at most 2000 characters") String reason) {
    }
}
