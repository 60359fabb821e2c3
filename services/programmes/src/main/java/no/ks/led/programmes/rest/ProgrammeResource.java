package no.ks.led.programmes.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import no.ks.led.foundation.idempotency.IdempotencyKey;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.programmes.Framework;
import no.ks.led.programmes.Programme;
import no.ks.led.programmes.service.ProgrammePlanning;
import org.jboss.resteasy.reactive.RestResponse;

/** A tenant's programmes. */
@Path("/api/tenants/{tenantId}/programmes")
@Produces(MediaType.APPLICATION_JSON)
public class ProgrammeResource {

    @Inject
    TenantAccess access;

    @Inject
    ProgrammePlanning planning;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("tenantId") String tenantId,
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid NewProgramme request) {
        Grant grant = access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        ProgrammePlanning.Created created = planning.create(tenantId, request.name(), request.templateId(), grant.personId().toString(),
                IdempotencyKey.fromHeader(idempotencyKey).orElse(null));
        ProgrammeView view = ProgrammeView.of(created.programme());
        if (!created.isNew()) {
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/api/tenants/" + tenantId + "/programmes/" + view.id())).entity(view).build();
    }

    @GET
    public RestResponse<List<ProgrammeView>> list(@PathParam("tenantId") String tenantId, @BeanParam PageRequest page) {
        access.require(tenantId);
        return page.of(Programme.findInTenant(tenantId)).map(ProgrammeView::of).toResponse();
    }

    @GET
    @Path("{programmeId}")
    public ProgrammeView get(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId) {
        access.require(tenantId);
        return Programme.findInTenant(tenantId, programmeId)
                .map(ProgrammeView::of)
                .orElseThrow(() -> ProblemException.notFound("Programme " + programmeId));
    }

    /** The programme's framework: its own copy of the template, as tailored. */
    @GET
    @Path("{programmeId}/framework")
    public Framework framework(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId) {
        access.require(tenantId);
        return Programme.findInTenant(tenantId, programmeId).map(p -> p.framework)
                .orElseThrow(() -> ProblemException.notFound("Programme " + programmeId));
    }

    /** The owner tailors the programme: its name and framework (the three questions stay the template's). */
    @PUT
    @Path("{programmeId}/framework")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProgrammeView tailor(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @NotNull(message = "a JSON body is required") @Valid Tailoring request) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        return ProgrammeView.of(planning.tailor(tenantId, programmeId, request.name(), request.framework()));
    }

    /** What the template's newest version changes against the version the programme follows. */
    @GET
    @Path("{programmeId}/template-changes")
    public ProgrammePlanning.TemplateChanges templateChanges(@PathParam("tenantId") String tenantId,
            @PathParam("programmeId") UUID programmeId) {
        access.require(tenantId);
        return planning.templateChanges(tenantId, programmeId);
    }

    /** The owner takes a newer template version: the parts they choose come from it, the rest stays theirs. */
    @POST
    @Path("{programmeId}/template-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProgrammeView takeTemplateVersion(@PathParam("tenantId") String tenantId,
            @PathParam("programmeId") UUID programmeId,
            @NotNull(message = "a JSON body is required") @Valid TemplateVersionChoice request) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        return ProgrammeView.of(planning.takeTemplateVersion(tenantId, programmeId, request.version(), request.parts()));
    }

    /** A tailored name (optional) and framework. */
    public record Tailoring(
            @Size(max = 200, message = "must be at most 200 characters") @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
            @NotNull(message = "is required") @Valid Framework framework) {
    }

    /** The template version to follow and the parts of the framework to take from it. */
    public record TemplateVersionChoice(@NotNull(message = "is required") @Min(value = 1, message = "must be 1 or more") Integer version,
            @NotNull(message = "is required") @Size(max = 7, message = "must name at most the seven parts") List<@NotNull(message = "must not be null") String> parts) {
    }
}
