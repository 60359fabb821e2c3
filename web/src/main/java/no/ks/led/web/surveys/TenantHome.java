package no.ks.led.web.surveys;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.ApiProblem;
import no.ks.led.web.api.Me;
import no.ks.led.web.api.MyResponse;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.api.SurveyRound;
import no.ks.led.web.api.Tenant;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Where a person lands: their tenant's home with "my tasks", or the choice of tenant when they have several. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class TenantHome {

    /** A round the person is asked to answer, and how far they have come. */
    @TemplateData
    public record Task(SurveyRound round, String status, UUID schoolId) {

        /** The message key of the status. */
        public String statusKey() {
            return "task.status." + status;
        }

        public boolean done() {
            return "submitted".equals(status);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Page page, List<Task> tasks, boolean coordinates, UUID school, String notice);

        static native TemplateInstance tenants(Page page, List<Tenant> tenants);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    /** One tenant: straight to its home; several: the choice; none (KS staff for now): the choice, empty. */
    @GET
    public Response start() {
        Me me = pages.me();
        if (me.tenants().size() == 1) {
            return Response.seeOther(URI.create("/tenants/" + me.tenants().iterator().next())).build();
        }
        return Response.ok(tenants()).build();
    }

    @GET
    @Path("tenants")
    public TemplateInstance tenants() {
        Page page = pages.page("tenants.title");
        List<Tenant> tenants = page.me().tenants().stream().map(api::tenant)
                .sorted(Comparator.comparing(Tenant::name, String.CASE_INSENSITIVE_ORDER)).toList();
        return Templates.tenants(page, tenants);
    }

    @GET
    @Path("tenants/{tenantId}")
    public TemplateInstance home(@PathParam("tenantId") String tenantId, @QueryParam("submitted") String submitted) {
        // the API answers 404 for a tenant that is not the person's, exactly as for one that does not exist
        List<SurveyRound> rounds = api.surveyRounds(tenantId);
        Page page = pages.page("home.title", tenantId);
        Me me = page.me();
        LocalDate today = page.t().today();
        List<Task> tasks = new ArrayList<>();
        Optional<UUID> school = me.leadsSchool(tenantId);
        if (school.isPresent()) {
            for (SurveyRound round : rounds.stream().filter(r -> r.openOn(today))
                    .sorted(Comparator.comparing(SurveyRound::closesOn)).toList()) {
                status(tenantId, round).ifPresent(status -> tasks.add(new Task(round, status, school.get())));
            }
        }
        boolean coordinates = me.holds(tenantId, "coordinator", "owner-executive");
        return Templates.home(page, tasks, coordinates, school.orElse(null),
                submitted == null ? null : page.t().msg("home.submitted"));
    }

    /** not-started, draft or submitted; empty when the API says the person is not asked in this round. */
    private Optional<String> status(String tenantId, SurveyRound round) {
        try {
            MyResponse mine = api.myResponse(tenantId, round.id());
            return Optional.of(mine.status());
        } catch (ApiProblem problem) {
            if (problem.status() == 403 || problem.status() == 404) {
                return Optional.empty();
            }
            throw problem;
        }
    }
}
