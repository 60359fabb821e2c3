package no.ks.led.programmes.rest;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.programmes.ProgrammeTemplate;
import no.ks.led.programmes.service.TemplateCatalogue;
import org.jboss.resteasy.reactive.RestResponse;

/** KS's programme templates: every KS role reads them, {@code ks-admin} publishes new versions. */
@Path("/api/national/programme-templates")
@Produces(MediaType.APPLICATION_JSON)
public class NationalTemplateResource {

    static final String TEMPLATE_ID = "^[a-z0-9][a-z0-9-]{1,62}$";

    @Inject
    TenantAccess access;

    @Inject
    TemplateCatalogue catalogue;

    /** The newest version of every template. */
    @GET
    public RestResponse<List<TemplateView>> list(@BeanParam PageRequest page) {
        access.requireNational("ks-admin", "ks-analyst");
        return page.of(ProgrammeTemplate.latestVersions()).map(TemplateView::summary).toResponse();
    }

    /** A template's newest version with its content. */
    @GET
    @Path("{templateId}")
    public TemplateView get(@PathParam("templateId") String templateId) {
        access.requireNational("ks-admin", "ks-analyst");
        return ProgrammeTemplate.latest(templateId).map(TemplateView::full)
                .orElseThrow(() -> ProblemException.notFound("Programme template " + templateId));
    }

    /** One published version of a template, as it was published. */
    @GET
    @Path("{templateId}/versions/{version}")
    public TemplateView version(@PathParam("templateId") String templateId, @PathParam("version") int version) {
        access.requireNational("ks-admin", "ks-analyst");
        return ProgrammeTemplate.version(templateId, version).map(TemplateView::full)
                .orElseThrow(() -> ProblemException.notFound("Version " + version + " of programme template " + templateId));
    }

    /** Publishes the template's next version (a new template id starts at version 1); earlier versions stay as they are. */
    @POST
    @Path("{templateId}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publish(@PathParam("templateId") String templateId,
            @NotNull(message = "a JSON body is required") @Valid TemplateCatalogue.TemplateContent content) {
        access.requireNational("ks-admin");
        if (!templateId.matches(TEMPLATE_ID)) {
            throw ProblemException.invalidField("templateId", "must be a lower-case slug");
        }
        String by = access.personId().map(Object::toString).orElse(access.subject());
        ProgrammeTemplate published = catalogue.publish(templateId, content, by);
        return Response.created(URI.create("/api/national/programme-templates/" + templateId + "/versions/" + published.version))
                .entity(TemplateView.full(published)).build();
    }
}
