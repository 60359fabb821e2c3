package no.ks.led.web.surveys;

import java.net.URI;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.ApiProblem;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.api.Results;
import no.ks.led.web.api.SurveyRoundDetail;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** A school's own results of a round, as its leaders may see them, and the principal's sharing with the owner. */
@Path("/tenants/{tenantId}/survey-rounds/{roundId}/results/schools/{schoolId}")
@Produces(MediaType.TEXT_HTML)
public class SchoolResults {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance results(Page page, SurveyRoundDetail round, Results results, boolean principal,
                String notice, String problem);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance results(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @PathParam("schoolId") UUID schoolId, @QueryParam("changed") String changed) {
        return view(tenantId, roundId, schoolId, changed == null ? null : "results." + changed, null, api.schoolResults(tenantId, roundId, schoolId));
    }

    /** {@code action=share} shares the school's results with the owner, {@code withdraw} takes them back. */
    @POST
    @Path("sharing")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sharing(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @PathParam("schoolId") UUID schoolId, @FormParam("action") String action) {
        boolean share = "share".equals(action);
        try {
            if (share) {
                api.share(tenantId, roundId, schoolId);
            } else {
                api.withdraw(tenantId, roundId, schoolId);
            }
        } catch (ApiProblem problem) {
            if (problem.status() != 403 && problem.status() != 409) {
                throw problem;
            }
            Results results = api.schoolResults(tenantId, roundId, schoolId);
            return Response.status(problem.status())
                    .entity(view(tenantId, roundId, schoolId, null, problem.type(), results)).build();
        }
        return Response.seeOther(URI.create("/tenants/" + tenantId + "/survey-rounds/" + roundId + "/results/schools/"
                + schoolId + "?changed=" + (share ? "shared" : "withdrawn"))).build();
    }

    private TemplateInstance view(String tenantId, UUID roundId, UUID schoolId, String noticeKey, String problemType,
            Results results) {
        SurveyRoundDetail round = api.surveyRound(tenantId, roundId);
        Page page = pages.titled(round.title(), tenantId);
        boolean principal = page.me().in(tenantId).stream()
                .anyMatch(m -> "principal".equals(m.role()) && schoolId.equals(m.schoolId()));
        String notice = noticeKey != null && (noticeKey.equals("results.shared") || noticeKey.equals("results.withdrawn"))
                ? page.t().msg(noticeKey) : null;
        return Templates.results(page, round, results, principal, notice,
                problemType == null ? null : page.t().problem(problemType));
    }
}
