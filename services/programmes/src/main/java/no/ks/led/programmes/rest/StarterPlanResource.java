package no.ks.led.programmes.rest;

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
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.programmes.service.StarterPacks;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * New leaders' starter plans of a programme: the owner's executive and coordinator see and follow up all of
 * them, a new leader sees their own.
 */
@Path("/api/tenants/{tenantId}/programmes/{programmeId}/starter-plans")
@Produces(MediaType.APPLICATION_JSON)
public class StarterPlanResource {

    @Inject
    TenantAccess access;

    @Inject
    StarterPacks starterPacks;

    @GET
    public RestResponse<List<StarterPacks.View>> list(@PathParam("tenantId") String tenantId,
            @PathParam("programmeId") UUID programmeId, @BeanParam PageRequest page) {
        Grant grant = access.require(tenantId);
        return page.of(starterPacks.of(tenantId, programmeId, grant)).toResponse();
    }

    /** Marks an item of a starter plan done; done already, it keeps who did it first and when. */
    @POST
    @Path("{planId}/items/{itemCode}/completion")
    public StarterPacks.Item completeItem(@PathParam("tenantId") String tenantId,
            @PathParam("programmeId") UUID programmeId, @PathParam("planId") UUID planId,
            @PathParam("itemCode") String itemCode) {
        Grant grant = access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        return starterPacks.completeItem(tenantId, programmeId, planId, itemCode, grant.personId().toString());
    }
}
