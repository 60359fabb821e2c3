package no.ks.led.organisations.rest;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.organisations.service.PendingMemberships;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The caller's memberships that wait for them to accept: only the person themselves (their token's
 * {@code led_person_id}) sees, accepts or declines them; the organisation that asked never learns which
 * of its memberships waited.
 */
@Path("/api/me/pending-memberships")
@Produces(MediaType.APPLICATION_JSON)
public class PendingMembershipResource {

    @Inject
    Caller caller;

    @Inject
    PendingMemberships pending;

    @GET
    public RestResponse<List<PendingMembershipView>> list(@BeanParam PageRequest page) {
        UUID me = caller.personId().orElse(null);
        List<PendingMembershipView> views = me == null ? List.of()
                : pending.of(me).stream().map(PendingMembershipView::of).toList();
        return page.of(views).toResponse();
    }

    /** Accepts the membership: it grants its role from now on. */
    @POST
    @Path("{membershipId}/accept")
    public MembershipView accept(@PathParam("membershipId") String membershipId) {
        return MembershipView.of(pending.accept(me(), Fields.pathId("Membership", membershipId)));
    }

    /** Declines the membership: it ends, having granted nothing. */
    @POST
    @Path("{membershipId}/decline")
    public Response decline(@PathParam("membershipId") String membershipId) {
        pending.decline(me(), Fields.pathId("Membership", membershipId));
        return Response.noContent().build();
    }

    private UUID me() {
        return caller.personId().orElseThrow(() -> ProblemException.notFound("Your person record"));
    }
}
