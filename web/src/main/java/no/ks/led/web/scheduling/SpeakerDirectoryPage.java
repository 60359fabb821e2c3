package no.ks.led.web.scheduling;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

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
import no.ks.led.web.api.Speaker;
import no.ks.led.web.page.FormAnswer;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The speaker directory KS shares across tenants: the list, and adding a speaker (the same address is the same person). */
@Path("/tenants/{tenantId}/speakers")
@Produces(MediaType.TEXT_HTML)
public class SpeakerDirectoryPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance speakers(Page page, List<Speaker> speakers, boolean planner,
                Map<String, String> entered, String notice, String problem);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance speakers(@PathParam("tenantId") String tenantId, @QueryParam("added") boolean added) {
        return render(tenantId, Map.of(), added ? "speakers.added" : null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("tenantId") String tenantId, MultivaluedMap<String, String> form) {
        String organisation = FormAnswer.optional(form, "organisation");
        Map<String, String> speaker = organisation == null
                ? Map.of("name", FormAnswer.value(form, "name"), "email", FormAnswer.value(form, "email"))
                : Map.of("name", FormAnswer.value(form, "name"), "email", FormAnswer.value(form, "email"),
                        "organisation", organisation);
        return FormAnswer.of(() -> api.addSpeaker(tenantId, speaker), "/tenants/" + tenantId + "/speakers?added=true", form,
                refusal -> render(tenantId, refusal.entered(), null, refusal.problemType()));
    }

    private TemplateInstance render(String tenantId, Map<String, String> entered, String noticeKey, String problemType) {
        Page page = pages.page("speakers.title", tenantId);
        List<Speaker> speakers = api.speakers(tenantId, 500).stream()
                .sorted(Comparator.comparing(Speaker::name, String.CASE_INSENSITIVE_ORDER)).toList();
        boolean planner = page.me().holds(tenantId, "coordinator", "owner-executive", "consultant");
        return Templates.speakers(page, speakers, planner, entered, noticeKey == null ? null : page.t().msg(noticeKey),
                problemType == null ? null : page.t().problem(problemType));
    }
}
