package no.ks.led.scheduling.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.foundation.idempotency.IdempotencyKey;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.scheduling.Activity;
import no.ks.led.scheduling.calendar.Warning;
import no.ks.led.scheduling.rest.ActivityRequests.ActivityPatch;
import no.ks.led.scheduling.rest.ActivityRequests.Cancellation;
import no.ks.led.scheduling.rest.ActivityRequests.NewActivity;
import no.ks.led.scheduling.rest.ActivityRequests.NewBooking;
import no.ks.led.scheduling.rest.ActivityRequests.ProposalConfirmation;
import no.ks.led.scheduling.service.ActivityPlanning;
import no.ks.led.scheduling.service.CalendarChecks;
import no.ks.led.scheduling.service.SpeakerDirectory;
import org.jboss.resteasy.reactive.RestResponse;

/** A tenant's activities: scheduling, rescheduling, cancelling, proposals from the plan, warnings and speakers. */
@Path("/api/tenants/{tenantId}/activities")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    static final TenantRole[] PLANNERS = {TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR, TenantRole.CONSULTANT};
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final java.util.Set<String> WARNING_CODES = java.util.Set.of(Warning.PUBLIC_HOLIDAY,
            Warning.SCHOOL_FREE_DAY, Warning.EXAM_PERIOD, Warning.HORIZON, Warning.UNFUNDED_PAID_SPEAKER);

    @Inject
    TenantAccess access;

    @Inject
    TenantZones zones;

    @Inject
    ActivityPlanning planning;

    @Inject
    CalendarChecks checks;

    @Inject
    SpeakerDirectory speakers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response schedule(@PathParam("tenantId") String tenantId,
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid NewActivity request) {
        Grant grant = access.require(tenantId, PLANNERS);
        ActivityPlanning.Created created = planning.schedule(tenantId, new ActivityPlanning.ActivityDraft(request.kind(),
                request.title(), request.startsAt(), request.endsAt(), request.programmeId(), request.place(), request.room(),
                request.schoolIds(), request.capacity(), request.signUpDeadline()), grant.personId(),
                IdempotencyKey.fromHeader(idempotencyKey).orElse(null));
        ActivityView view = view(created.activity());
        if (!created.isNew()) {
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/api/tenants/" + tenantId + "/activities/" + view.id())).entity(view).build();
    }

    /** The activities overlapping the local days from {@code from} to {@code to} (both included; the next twelve months by default). */
    @GET
    public RestResponse<List<ActivityView>> list(@PathParam("tenantId") String tenantId, @QueryParam("from") String from,
            @QueryParam("to") String to, @BeanParam PageRequest page) {
        access.require(tenantId);
        ZoneId zone = zones.of(tenantId);
        LocalDate first = Dates.parse("from", from, LocalDate.now(zone));
        LocalDate last = Dates.parse("to", to, first.plusMonths(12));
        if (last.isBefore(first)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        if (last.isAfter(first.plusYears(5))) {
            throw ProblemException.invalidField("to", "must be within five years of from");
        }
        CalendarChecks.Checker checker = checks.forTenant(tenantId);
        return page.of(Activity.findBetween(tenantId, first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant()))
                .map(a -> ActivityView.of(a, checker.warnings(a))).toResponse();
    }

    @GET
    @Path("{activityId}")
    public ActivityView get(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId) {
        access.require(tenantId);
        return view(find(tenantId, activityId));
    }

    /** Reschedules (or renames, re-places) the activity: a JSON merge patch of title, startsAt, endsAt, place, room. */
    @PATCH
    @Path("{activityId}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    public ActivityView reschedule(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @NotNull(message = "a JSON body is required") @Valid ActivityPatch request) {
        access.require(tenantId, PLANNERS);
        return view(planning.reschedule(tenantId, activityId, new ActivityPlanning.ActivityChange(request.title(),
                request.startsAt(), request.endsAt(), request.place(), request.room())));
    }

    @POST
    @Path("{activityId}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    public ActivityView cancel(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @Valid Cancellation request) {
        access.require(tenantId, PLANNERS);
        return view(planning.cancel(tenantId, activityId, request == null ? null : request.reason()));
    }

    /** The coordinator confirms a proposal that came from the programme's plan. */
    @POST
    @Path("{activityId}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    public ActivityView confirmProposal(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @Valid ProposalConfirmation request) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        return view(planning.confirmProposal(tenantId, activityId, request == null ? null : request.startsAt(),
                request == null ? null : request.endsAt()));
    }

    /** The coordinator confirms a warning (a holiday, school-free day...) for the activity's current time. */
    @POST
    @Path("{activityId}/warnings/{code}/confirmation")
    public ActivityView confirmWarning(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @PathParam("code") String code) {
        Grant grant = access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        if (!WARNING_CODES.contains(code)) {
            throw ProblemException.notFound("Warning " + code);
        }
        planning.confirmWarning(tenantId, activityId, code, grant.personId());
        return view(find(tenantId, activityId));
    }

    /** Books a speaker; 409 speaker-busy if they are booked anywhere at an overlapping time. */
    @POST
    @Path("{activityId}/speakers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response book(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @NotNull(message = "a JSON body is required") @Valid NewBooking request) {
        access.require(tenantId, PLANNERS);
        Activity activity = speakers.book(tenantId, activityId, new SpeakerDirectory.BookingRequest(request.speakerId(),
                request.feeOre() == null ? 0 : request.feeOre(), request.travelOre() == null ? 0 : request.travelOre(),
                Boolean.TRUE.equals(request.tentative())));
        return Response.status(Response.Status.CREATED).entity(view(activity)).build();
    }

    /** A tentative booking becomes firm. */
    @POST
    @Path("{activityId}/speakers/{speakerId}/confirmation")
    public ActivityView confirmBooking(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @PathParam("speakerId") UUID speakerId) {
        access.require(tenantId, PLANNERS);
        return view(speakers.confirm(tenantId, activityId, speakerId));
    }

    private ActivityView view(Activity activity) {
        return ActivityView.of(activity, checks.forTenant(activity.tenantId).warnings(activity));
    }

    private static Activity find(String tenantId, UUID activityId) {
        return Activity.findInTenant(tenantId, activityId).orElseThrow(() -> ProblemException.notFound("Activity " + activityId));
    }
}
