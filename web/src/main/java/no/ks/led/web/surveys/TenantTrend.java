package no.ks.led.web.surveys;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.api.SurveyRoundDetail;
import no.ks.led.web.api.Trend;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The tenant's results over time for the coordinator and the executive: each round's section means. */
@Path("/tenants/{tenantId}/trend")
@Produces(MediaType.TEXT_HTML)
public class TenantTrend {

    /** A section as a row of the trend table: its title in the page's language. */
    @TemplateData
    public record SectionRow(String code, String title) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance trend(Page page, Trend trend, List<SectionRow> sections);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance trend(@PathParam("tenantId") String tenantId) {
        Trend trend = api.trend(tenantId);
        Page page = pages.page("trend.title", tenantId);
        // section titles from the newest round that has the section (rounds are oldest first)
        List<String> codes = trend.sectionCodes();
        Map<String, String> titles = new HashMap<>();
        for (int i = trend.rounds().size() - 1; i >= 0 && !titles.keySet().containsAll(codes); i--) {
            SurveyRoundDetail detail = api.surveyRound(tenantId, trend.rounds().get(i).roundId());
            for (SurveyRoundDetail.Section section : detail.questions().sections()) {
                titles.putIfAbsent(section.code(), section.title().in(page.t().lang()));
            }
        }
        List<SectionRow> sections = codes.stream()
                .map(code -> new SectionRow(code, titles.getOrDefault(code, code))).toList();
        return Templates.trend(page, trend, sections);
    }
}
