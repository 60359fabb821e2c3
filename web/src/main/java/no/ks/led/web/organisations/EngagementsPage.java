package no.ks.led.web.organisations;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
import no.ks.led.web.api.Engagement;
import no.ks.led.web.api.NewEngagement;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.api.School;
import no.ks.led.web.page.FormAnswer;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The consultancies the owner engages: the engagements with their scope (the whole tenant or chosen schools) and
 * period, starting one, and ending one at once (the consultants lose access as soon as the API's event arrives).
 */
@Path("/tenants/{tenantId}/engagements")
@Produces(MediaType.TEXT_HTML)
public class EngagementsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance engagements(Page page, List<Engagement> engagements, List<School> schools,
                Map<UUID, String> schoolNames, Map<String, String> entered, String notice, String problem);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance engagements(@PathParam("tenantId") String tenantId, @QueryParam("done") String done) {
        String notice = "started".equals(done) ? "engagements.started" : "ended".equals(done) ? "engagements.ended-notice" : null;
        return view(tenantId, Map.of(), notice, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@PathParam("tenantId") String tenantId, MultivaluedMap<String, String> form) {
        NewEngagement engagement = new NewEngagement(FormAnswer.value(form, "consultancyId"),
                form.getOrDefault("schoolId", List.of()), FormAnswer.value(form, "startsOn"),
                FormAnswer.optional(form, "endsOn"));
        return FormAnswer.of(() -> api.startEngagement(tenantId, engagement),
                "/tenants/" + tenantId + "/engagements?done=started", form,
                refusal -> view(tenantId, refusal.entered(), null, refusal.problemType()));
    }

    @POST
    @Path("{engagementId}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response end(@PathParam("tenantId") String tenantId, @PathParam("engagementId") UUID engagementId) {
        return FormAnswer.of(() -> api.endEngagement(tenantId, engagementId),
                "/tenants/" + tenantId + "/engagements?done=ended", null,
                refusal -> view(tenantId, Map.of(), null, refusal.problemType()));
    }

    private TemplateInstance view(String tenantId, Map<String, String> entered, String noticeKey, String problemType) {
        Page page = pages.page("engagements.title", tenantId);
        List<School> schools = api.schools(tenantId).stream()
                .sorted(Comparator.comparing(School::name, String.CASE_INSENSITIVE_ORDER)).toList();
        Map<UUID, String> names = schools.stream().collect(Collectors.toMap(School::id, School::name, (a, b) -> a));
        List<Engagement> engagements = api.engagements(tenantId).stream()
                .sorted(Comparator.comparing(Engagement::active).reversed().thenComparing(Engagement::consultancyId))
                .toList();
        if (!entered.containsKey("startsOn")) {
            entered = new java.util.HashMap<>(entered);
            entered.put("startsOn", page.t().today().toString());
        }
        return Templates.engagements(page, engagements, schools, names, entered,
                noticeKey == null ? null : page.t().msg(noticeKey),
                problemType == null ? null : page.t().problem(problemType));
    }
}
