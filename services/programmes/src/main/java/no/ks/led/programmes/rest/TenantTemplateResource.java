package no.ks.led.programmes.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.programmes.ProgrammeTemplate;
import org.jboss.resteasy.reactive.RestResponse;

/** The programme templates a tenant's members choose from: the newest version of each. */
@Path("/api/tenants/{tenantId}/programme-templates")
@Produces(MediaType.APPLICATION_JSON)
public class TenantTemplateResource {

    @Inject
    TenantAccess access;

    @GET
    public RestResponse<List<TemplateView>> list(@PathParam("tenantId") String tenantId, @BeanParam PageRequest page) {
        access.require(tenantId);
        return page.of(ProgrammeTemplate.latestVersions()).map(TemplateView::summary).toResponse();
    }

    @GET
    @Path("{templateId}")
    public TemplateView get(@PathParam("tenantId") String tenantId, @PathParam("templateId") String templateId) {
        access.require(tenantId);
        return ProgrammeTemplate.latest(templateId).map(TemplateView::full)
                .orElseThrow(() -> ProblemException.notFound("Programme template " + templateId));
    }
}
