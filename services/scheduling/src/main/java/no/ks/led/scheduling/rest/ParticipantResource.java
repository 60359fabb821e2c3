package no.ks.led.scheduling.rest;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.scheduling.Activity;
import no.ks.led.scheduling.service.Participants;

/** Who takes part in an activity: by school, role, track or name, and the people that makes now. */
@Path("/api/tenants/{tenantId}/activities/{activityId}/participants")
@Produces(MediaType.APPLICATION_JSON)
public class ParticipantResource {

    @Inject
    TenantAccess access;

    @Inject
    Participants participants;

    @GET
    public ParticipantsView get(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId) {
        access.require(tenantId, ActivityResource.PLANNERS);
        Activity activity = Activity.findInTenant(tenantId, activityId)
                .orElseThrow(() -> ProblemException.notFound("Activity " + activityId));
        return view(activity);
    }

    /** Replaces the selection: schools, roles (at those schools, if any), people named, the track. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ParticipantsView select(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @NotNull(message = "a JSON body is required") @Valid NewSelection request) {
        access.require(tenantId, ActivityResource.PLANNERS);
        return view(participants.select(tenantId, activityId, new Participants.Selection(request.schoolIds(), request.roles(),
                request.personIds(), request.track())));
    }

    private ParticipantsView view(Activity activity) {
        return new ParticipantsView(List.of(activity.schoolIds), List.of(activity.participantRoles),
                List.of(activity.participantPersonIds), activity.track, participants.of(activity));
    }

    /** The selection to make. */
    public record NewSelection(
            @Size(max = 200, message = "must name at most 200 schools") List<@NotNull(message = "must not be null") UUID> schoolIds,
            @Size(max = 4, message = "must name at most 4 roles") List<@NotNull(message = "must not be null") String> roles,
            @Size(max = 500, message = "must name at most 500 people") List<@NotNull(message = "must not be null") UUID> personIds,
            @Size(max = 100, message = "must be at most 100 characters") String track) {
    }

    /** The selection and the people it takes in, with why. */
    public record ParticipantsView(List<UUID> schoolIds, List<String> roles, List<UUID> personIds, String track,
            List<Participants.Participant> people) {
    }
}
