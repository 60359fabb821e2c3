package no.ks.led.scheduling.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.download.Download;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.scheduling.ActivityAttachment;
import no.ks.led.scheduling.service.ActivityAttachments;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * An activity's agenda and materials. The body of an upload is the file itself, with its type as Content-Type
 * (PDF, Word, PowerPoint, Excel, PNG or JPEG) and its name and kind in the query; the planners upload and remove,
 * the tenant's members list and download.
 */
@Path("/api/tenants/{tenantId}/activities/{activityId}/attachments")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityAttachmentResource {

    @Inject
    TenantAccess access;

    @Inject
    ActivityAttachments attachments;

    /** An attachment as the list shows it: never its content. */
    public record AttachmentView(UUID id, String kind, String fileName, String mediaType, int sizeBytes, Instant uploadedAt) {

        static AttachmentView of(ActivityAttachment a) {
            return new AttachmentView(a.id, a.kind, a.fileName, a.mediaType, a.sizeBytes, a.uploadedAt);
        }
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response attach(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @QueryParam("name") String name, @QueryParam("kind") String kind,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] content) {
        access.require(tenantId, ActivityResource.PLANNERS);
        ActivityAttachment attachment = attachments.attach(tenantId, activityId, kind, name, contentType, content);
        return Response.created(URI.create("/api/tenants/" + tenantId + "/activities/" + activityId + "/attachments/"
                + attachment.id)).entity(AttachmentView.of(attachment)).build();
    }

    @GET
    public RestResponse<List<AttachmentView>> list(@PathParam("tenantId") String tenantId,
            @PathParam("activityId") UUID activityId, @BeanParam PageRequest page) {
        access.require(tenantId);
        return page.of(attachments.of(tenantId, activityId)).map(AttachmentView::of).toResponse();
    }

    /** The file, to save under its name. */
    @GET
    @Path("{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @PathParam("attachmentId") UUID attachmentId) {
        access.require(tenantId);
        ActivityAttachment attachment = attachments.get(tenantId, activityId, attachmentId);
        return Download.of(attachment.content, attachment.mediaType, attachment.fileName);
    }

    @DELETE
    @Path("{attachmentId}")
    public Response remove(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @PathParam("attachmentId") UUID attachmentId) {
        access.require(tenantId, ActivityResource.PLANNERS);
        attachments.remove(tenantId, activityId, attachmentId);
        return Response.noContent().build();
    }
}
