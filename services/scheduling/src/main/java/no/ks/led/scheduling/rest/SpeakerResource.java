package no.ks.led.scheduling.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import no.ks.led.scheduling.Speaker;
import no.ks.led.scheduling.service.SpeakerDirectory;
import org.jboss.resteasy.reactive.RestResponse;

/** The speaker directory KS shares across tenants, reached through a tenant the caller belongs to. */
@Path("/api/tenants/{tenantId}/speakers")
@Produces(MediaType.APPLICATION_JSON)
public class SpeakerResource {

    @Inject
    TenantAccess access;

    @Inject
    SpeakerDirectory directory;

    /** Adds a speaker: 201, or 200 with the speaker already in the directory under the same e-mail address. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("tenantId") String tenantId,
            @NotNull(message = "a JSON body is required") @Valid NewSpeaker request) {
        access.require(tenantId, ActivityResource.PLANNERS);
        SpeakerDirectory.Added added = directory.add(request.name(), request.organisation(), request.email());
        SpeakerView view = SpeakerView.of(added.speaker());
        if (!added.isNew()) {
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/api/tenants/" + tenantId + "/speakers")).entity(view).build();
    }

    @GET
    public RestResponse<List<SpeakerView>> list(@PathParam("tenantId") String tenantId, @BeanParam PageRequest page) {
        access.require(tenantId);
        return page.of(Speaker.directory()).map(SpeakerView::of).toResponse();
    }

    /** A speaker to add to the directory. */
    public record NewSpeaker(
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String name,
            @Size(max = 200, message = "must be at most 200 characters") String organisation,
            @NotBlank(message = "must not be blank") @Size(max = 254, message = "must be at most 254 characters")
            @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an e-mail address") String email) {
    }

    /** A speaker as the directory shows them. */
    public record SpeakerView(UUID id, String name, String organisation, String email) {
        static SpeakerView of(Speaker s) {
            return new SpeakerView(s.id, s.name, s.organisation, s.email);
        }
    }
}
