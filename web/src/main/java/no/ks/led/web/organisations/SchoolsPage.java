package no.ks.led.web.organisations;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.api.School;
import no.ks.led.web.api.SchoolChange;
import no.ks.led.web.page.FormAnswer;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The owner's schools for the coordinator and the executive: the list, adding one, and changing one. */
@Path("/tenants/{tenantId}/schools")
@Produces(MediaType.TEXT_HTML)
public class SchoolsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance schools(Page page, List<School> schools, Map<String, String> entered,
                String notice, String problem);

        static native TemplateInstance school(Page page, School school, Map<String, String> entered, String notice,
                String problem);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance schools(@PathParam("tenantId") String tenantId, @QueryParam("added") boolean added) {
        return list(tenantId, Map.of(), added ? "schools.added" : null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("tenantId") String tenantId, MultivaluedMap<String, String> form) {
        SchoolChange school = new SchoolChange(FormAnswer.value(form, "name"),
                FormAnswer.value(form, "organisationNumber").replace(" ", ""), FormAnswer.value(form, "kind"),
                "yes".equals(form.getFirst("hasLeadershipTeam")));
        return FormAnswer.of(() -> api.addSchool(tenantId, school), "/tenants/" + tenantId + "/schools?added=true", form,
                refusal -> list(tenantId, refusal.entered(), null, refusal.problemType()));
    }

    @GET
    @Path("{schoolId}")
    public TemplateInstance school(@PathParam("tenantId") String tenantId, @PathParam("schoolId") UUID schoolId,
            @QueryParam("changed") boolean changed) {
        return one(tenantId, schoolId, Map.of(), changed ? "school.changed" : null, null);
    }

    @POST
    @Path("{schoolId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("tenantId") String tenantId, @PathParam("schoolId") UUID schoolId,
            MultivaluedMap<String, String> form) {
        SchoolChange change = new SchoolChange(FormAnswer.value(form, "name"), null, FormAnswer.value(form, "kind"),
                "yes".equals(form.getFirst("hasLeadershipTeam")));
        return FormAnswer.of(() -> api.changeSchool(tenantId, schoolId, change),
                "/tenants/" + tenantId + "/schools/" + schoolId + "?changed=true", form,
                refusal -> one(tenantId, schoolId, refusal.entered(), null, refusal.problemType()));
    }

    private TemplateInstance list(String tenantId, Map<String, String> entered, String noticeKey, String problemType) {
        Page page = pages.page("schools.title", tenantId);
        List<School> schools = api.schools(tenantId).stream()
                .sorted(Comparator.comparing(School::name, String.CASE_INSENSITIVE_ORDER)).toList();
        return Templates.schools(page, schools, entered, noticeKey == null ? null : page.t().msg(noticeKey),
                problemType == null ? null : page.t().problem(problemType));
    }

    private TemplateInstance one(String tenantId, UUID schoolId, Map<String, String> entered, String noticeKey,
            String problemType) {
        Page page = pages.page("school.title", tenantId);
        School school = api.school(tenantId, schoolId);
        return Templates.school(page, school, entered, noticeKey == null ? null : page.t().msg(noticeKey),
                problemType == null ? null : page.t().problem(problemType));
    }
}
