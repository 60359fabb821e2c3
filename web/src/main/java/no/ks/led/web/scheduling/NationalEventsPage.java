package no.ks.led.web.scheduling;

import java.util.List;
import java.util.Map;
import java.util.Set;
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
import no.ks.led.web.api.NationalEvent;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.page.FormAnswer;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The national events of the tenant's country (such as KS's introductory course): sign up or off through the
 * tenant; the tenant's organisers also see how many of the tenant's people are signed up.
 */
@Path("/tenants/{tenantId}/national-events")
@Produces(MediaType.TEXT_HTML)
public class NationalEventsPage {

    private static final Set<String> NOTICES = Set.of("signed-up", "signed-off");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance events(Page page, List<NationalEvent> events, boolean organiser,
                Map<String, String> entered, String notice, String problem);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance events(@PathParam("tenantId") String tenantId, @QueryParam("done") String done) {
        return render(tenantId, Map.of(), done != null && NOTICES.contains(done) ? "national-events." + done : null, null);
    }

    @POST
    @Path("{eventId}/sign-up")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(@PathParam("tenantId") String tenantId, @PathParam("eventId") UUID eventId,
            MultivaluedMap<String, String> form) {
        String dietary = FormAnswer.optional(form, "dietaryNeeds");
        return FormAnswer.of(() -> api.signUpForNationalEvent(tenantId, eventId,
                        dietary == null ? Map.of() : Map.of("dietaryNeeds", dietary)),
                "/tenants/" + tenantId + "/national-events?done=signed-up", form,
                refusal -> render(tenantId, refusal.entered(), null, refusal.problemType()));
    }

    @POST
    @Path("{eventId}/sign-ups/{signUpId}/cancellation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOff(@PathParam("tenantId") String tenantId, @PathParam("eventId") UUID eventId,
            @PathParam("signUpId") UUID signUpId, MultivaluedMap<String, String> form) {
        return FormAnswer.of(() -> api.cancelNationalSignUp(tenantId, eventId, signUpId),
                "/tenants/" + tenantId + "/national-events?done=signed-off", form,
                refusal -> render(tenantId, refusal.entered(), null, refusal.problemType()));
    }

    private TemplateInstance render(String tenantId, Map<String, String> entered, String noticeKey, String problemType) {
        Page page = pages.page("national-events.title", tenantId);
        List<NationalEvent> events = api.nationalEvents(tenantId, 100);
        boolean organiser = page.me().holds(tenantId, "coordinator", "owner-executive");
        return Templates.events(page, events, organiser, entered, noticeKey == null ? null : page.t().msg(noticeKey),
                problemType == null ? null : page.t().problem(problemType));
    }
}
