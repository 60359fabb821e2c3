package no.ks.led.scheduling.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.scheduling.PersonNotice;
import org.jboss.resteasy.reactive.RestResponse;

/** What the caller has been told about activities and national events (moved up from a waiting list), newest first. */
@Path("/api/tenants/{tenantId}/notices")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

    @Inject
    TenantAccess access;

    @GET
    public RestResponse<List<NoticeView>> mine(@PathParam("tenantId") String tenantId, @BeanParam PageRequest page) {
        Grant grant = access.require(tenantId);
        return page.of(PersonNotice.of(tenantId, grant.personId())).map(NoticeView::of).toResponse();
    }

    /** A notice as the API shows it. */
    public record NoticeView(UUID id, UUID activityId, UUID nationalEventId, String kind, Instant createdAt) {
        static NoticeView of(PersonNotice n) {
            return new NoticeView(n.id, n.activityId, n.nationalEventId, n.kind, n.createdAt);
        }
    }
}
