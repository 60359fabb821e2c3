package no.ks.led.scheduling.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.scheduling.SignUp;
import no.ks.led.scheduling.rest.ActivityRequests.Attendance;
import no.ks.led.scheduling.rest.ActivityRequests.NewSignUp;
import no.ks.led.scheduling.service.SignUps;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestResponse;

/** Sign-ups for an activity: capacity, waiting list, cancellation, attendance. */
@Path("/api/tenants/{tenantId}/activities/{activityId}/sign-ups")
@Produces(MediaType.APPLICATION_JSON)
public class SignUpResource {

    /** Deliberately loose: the identity provider has checked the address; this only refuses junk. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{1,63}");

    @Inject
    TenantAccess access;

    @Inject
    SignUps signUps;

    @Inject
    JsonWebToken token;

    /** The caller signs up: confirmed while there is room, else on the waiting list. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signUp(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @Valid NewSignUp request) {
        Grant grant = access.require(tenantId);
        SignUp signUp = signUps.signUp(tenantId, activityId, grant.personId(), request == null ? null : request.dietaryNeeds(),
                callersAddress());
        return Response.created(URI.create("/api/tenants/" + tenantId + "/activities/" + activityId + "/sign-ups/" + signUp.id))
                .entity(SignUpView.of(signUp)).build();
    }

    /** All sign-ups for an organiser; the caller's own for anyone else. */
    @GET
    public RestResponse<List<SignUpView>> list(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @BeanParam PageRequest page) {
        Grant grant = access.require(tenantId);
        return page.of(signUps.visibleTo(grant, activityId)).map(SignUpView::of).toResponse();
    }

    @POST
    @Path("{signUpId}/cancellation")
    public SignUpView cancel(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @PathParam("signUpId") UUID signUpId) {
        return SignUpView.of(signUps.cancel(access.require(tenantId), activityId, signUpId));
    }

    @PUT
    @Path("{signUpId}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    public SignUpView attendance(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @PathParam("signUpId") UUID signUpId, @NotNull(message = "a JSON body is required") @Valid Attendance request) {
        Grant grant = access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        return SignUpView.of(signUps.recordAttendance(grant, activityId, signUpId, request.attended()));
    }

    /** The caller's e-mail address from their token (the identity provider checked it), for the reminder; else null. */
    private String callersAddress() {
        Object claim = token.getClaim("email");
        String email = claim instanceof JsonString s ? s.getString() : claim == null ? null : claim.toString();
        return email != null && email.length() <= 254 && EMAIL.matcher(email).matches() ? email : null;
    }

    /** A sign-up as the API shows it. */
    public record SignUpView(UUID id, UUID activityId, UUID personId, String status, String dietaryNeeds,
            Instant signedUpAt, Boolean attended) {
        static SignUpView of(SignUp s) {
            return new SignUpView(s.id, s.activityId, s.personId, s.status, s.dietaryNeeds, s.signedUpAt, s.attended);
        }
    }
}
