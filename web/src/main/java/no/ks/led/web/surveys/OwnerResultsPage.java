package no.ks.led.web.surveys;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.LevelResults;
import no.ks.led.web.api.OwnerResults;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.api.School;
import no.ks.led.web.api.SurveyRoundDetail;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A round's results in the owner's view (coordinator, executive): the tenant's figures with the API's charts,
 * principals' and middle leaders' figures apart where the API shows them, each school's sharing, and the CSV and XLSX downloads; charts and downloads are fetched with the person's token.
 */
@Path("/tenants/{tenantId}/rounds/{roundId}/results")
public class OwnerResultsPage {

    private static final Set<String> CHARTS = Set.of("sections.svg", "items.svg");
    private static final Map<String, String> EXPORTS = Map.of(
            "csv", "text/csv; charset=UTF-8",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** A school of the round in the owner's view, with its name. */
    @TemplateData
    public record SchoolRow(String name, OwnerResults.School school) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance results(Page page, SurveyRoundDetail round, OwnerResults results,
                List<SchoolRow> schools, LevelResults levels);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance results(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId) {
        OwnerResults results = api.ownerResults(tenantId, roundId);
        SurveyRoundDetail round = api.surveyRound(tenantId, roundId);
        Map<UUID, String> names = api.schools(tenantId).stream()
                .collect(Collectors.toMap(School::id, School::name, (a, b) -> a));
        List<SchoolRow> schools = results.schools().stream()
                .map(s -> new SchoolRow(names.getOrDefault(s.schoolId(), s.schoolId().toString()), s))
                .sorted(Comparator.comparing(SchoolRow::name, String.CASE_INSENSITIVE_ORDER)).toList();
        Page page = pages.titled(round.title(), tenantId);
        return Templates.results(page, round, results, schools, api.ownerResultsByLevel(tenantId, roundId));
    }

    /** The dialogue-conference view of the owner's results: one section at a time in large type, for a projector. */
    @GET
    @Path("conference/{number}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance conference(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @PathParam("number") int number) {
        OwnerResults results = api.ownerResults(tenantId, roundId);
        SurveyRoundDetail round = api.surveyRound(tenantId, roundId);
        String path = "/tenants/" + tenantId + "/rounds/" + roundId + "/results";
        return ResultsDiscussion.conferencePage(pages.titled(round.title(), tenantId), round, results.total(), number,
                path, path + "/conference/");
    }

    /** The API's chart of the owner's view ({@code sections.svg}, {@code items.svg}). */
    @GET
    @Path("chart/{chart}")
    @Produces("image/svg+xml")
    public Response chart(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @PathParam("chart") String chart) {
        if (!CHARTS.contains(chart)) {
            throw new NotFoundException();
        }
        return Response.ok(api.ownerChart(tenantId, roundId, chart), "image/svg+xml")
                .header("Cache-Control", "private, no-store").build();
    }

    /** The owner's view as a download ({@code csv}, {@code xlsx}), as the API makes it. */
    @GET
    @Path("export/{format}")
    public Response export(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @PathParam("format") String format) {
        String type = EXPORTS.get(format);
        if (type == null) {
            throw new NotFoundException();
        }
        return Response.ok(api.ownerExport(tenantId, roundId, "results." + format), type)
                .header("Content-Disposition", "attachment; filename=\"results-" + roundId + "." + format + "\"")
                .header("Cache-Control", "private, no-store").build();
    }
}
