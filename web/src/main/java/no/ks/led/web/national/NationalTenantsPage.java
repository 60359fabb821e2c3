package no.ks.led.web.national;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import no.ks.led.web.api.NewTenant;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.api.TenantSummary;
import no.ks.led.web.page.FormAnswer;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** KS's tenants (ks-admin, ks-analyst): the school owners on the platform; KS's admin onboards and deactivates them. */
@Path("/national/tenants")
@Produces(MediaType.TEXT_HTML)
public class NationalTenantsPage {

    private static final Set<String> DONE = Set.of("onboarded", "deactivated");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tenants(Page page, List<TenantSummary> tenants, Map<String, String> entered,
                String notice, String problem);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance tenants(@QueryParam("done") String done) {
        return view(Map.of(), done != null && DONE.contains(done) ? "national-tenants." + done : null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response onboard(MultivaluedMap<String, String> form) {
        NewTenant tenant = new NewTenant(FormAnswer.value(form, "slug"), FormAnswer.value(form, "name"),
                FormAnswer.value(form, "kind"), FormAnswer.value(form, "organisationNumber").replace(" ", ""),
                FormAnswer.optional(form, "municipalityNumber"), FormAnswer.optional(form, "language"));
        return FormAnswer.of(() -> api.onboardTenant(tenant), "/national/tenants?done=onboarded", form,
                refusal -> view(refusal.entered(), null, refusal.problemType()));
    }

    @POST
    @Path("{slug}/deactivation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deactivate(@PathParam("slug") String slug) {
        return FormAnswer.of(() -> api.deactivateTenant(slug), "/national/tenants?done=deactivated", null,
                refusal -> view(Map.of(), null, refusal.problemType()));
    }

    private TemplateInstance view(Map<String, String> entered, String noticeKey, String problemType) {
        Page page = pages.page("national-tenants.title");
        List<TenantSummary> tenants = api.nationalTenants(500).stream()
                .sorted(Comparator.comparing(TenantSummary::name, String.CASE_INSENSITIVE_ORDER)).toList();
        return Templates.tenants(page, tenants, entered, noticeKey == null ? null : page.t().msg(noticeKey),
                problemType == null ? null : page.t().problem(problemType));
    }
}
