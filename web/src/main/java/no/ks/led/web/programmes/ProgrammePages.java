package no.ks.led.web.programmes;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.ApiProblem;
import no.ks.led.web.api.FundingWarning;
import no.ks.led.web.api.LocalPlan;
import no.ks.led.web.api.NewProgramme;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.api.Programme;
import no.ks.led.web.api.ProgrammeTemplate;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A tenant's programmes: the list, a new programme from a template, and a programme's overview (its phases, the
 * getting-started checklist, the next activities) with the plan as a Word document. The API decides who may do what.
 */
@Path("/tenants/{tenantId}/programmes")
@Produces(MediaType.TEXT_HTML)
public class ProgrammePages {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page page, List<Programme> programmes, List<ProgrammeTemplate> templates,
                boolean owner, String key, String problem);

        static native TemplateInstance overview(Page page, Programme programme, LocalPlan plan,
                List<LocalPlan.ActivityView> next, boolean owner, String notice, String problem,
                List<FundingWarning> fundingWarnings);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance list(@PathParam("tenantId") String tenantId, @QueryParam("problem") String problem) {
        List<Programme> programmes = api.programmes(tenantId);
        Page page = pages.page("programmes.title", tenantId);
        boolean owner = PlanForms.owner(page, tenantId);
        List<ProgrammeTemplate> templates = owner ? api.programmeTemplates(tenantId) : List.of();
        return Templates.list(page, programmes, templates, owner, UUID.randomUUID().toString(),
                PlanForms.problem(page, problem));
    }

    /** Creates a programme from the chosen template (or none); the form's key makes a repeated post create one. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("tenantId") String tenantId, @FormParam("name") String name,
            @FormParam("templateId") String templateId, @FormParam("key") String key) {
        try {
            Programme created = api.createProgramme(tenantId, new NewProgramme(name == null ? "" : name.strip(),
                    templateId == null || templateId.isBlank() ? null : templateId), PlanForms.key(key));
            return Response.seeOther(URI.create("/tenants/" + tenantId + "/programmes/" + created.id() + "?notice=created"))
                    .build();
        } catch (ApiProblem problem) {
            return PlanForms.back("/tenants/" + tenantId + "/programmes", problem);
        }
    }

    @GET
    @Path("{programmeId}")
    public TemplateInstance overview(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @QueryParam("notice") String notice, @QueryParam("problem") String problem) {
        Programme programme = api.programme(tenantId, programmeId);
        LocalPlan plan = api.plan(tenantId, programmeId);
        Page page = pages.titled(programme.name(), tenantId);
        return Templates.overview(page, programme, plan, plan.nextActivities(page.t().today(), 5),
                PlanForms.owner(page, tenantId), PlanForms.notice(page, notice), PlanForms.problem(page, problem),
                fundingWarnings(page, tenantId));
    }

    /** The funding service's warnings for those who apply for funding (the owner and engaged consultants); none for others. */
    private List<FundingWarning> fundingWarnings(Page page, String tenantId) {
        if (!page.me().holds(tenantId, "owner-executive", "coordinator", "consultant")) {
            return List.of();
        }
        try {
            return api.fundingWarnings(tenantId);
        } catch (ApiProblem problem) {
            if (problem.status() == 403) {
                return List.of();
            }
            throw problem;
        }
    }

    /** Marks a getting-started step done. */
    @POST
    @Path("{programmeId}/checklist/{stepCode}")
    public Response completeStep(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @PathParam("stepCode") String stepCode) {
        String overview = "/tenants/" + tenantId + "/programmes/" + programmeId;
        try {
            api.completeStep(tenantId, programmeId, stepCode);
        } catch (ApiProblem problem) {
            return PlanForms.back(overview, problem);
        }
        return Response.seeOther(URI.create(overview + "?notice=step-done#checklist")).build();
    }

    /** The plan as a Word document, fetched from the API with the person's token. */
    @GET
    @Path("{programmeId}/plan.docx")
    @Produces(DOCX)
    public Response document(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId) {
        byte[] document = api.planDocument(tenantId, programmeId);
        return Response.ok(document, DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lokal-plan-" + programmeId + ".docx\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .build();
    }
}
