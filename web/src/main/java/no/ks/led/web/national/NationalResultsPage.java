package no.ks.led.web.national;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.NationalResults;
import no.ks.led.web.api.NationalTrend;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.api.SurveyRoundDetail;
import no.ks.led.web.api.TenantSummary;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The national results for KS (ks-admin, ks-analyst): a year's results on an instrument version for the nation and
 * per tenant (never per school, suppressed as the API does), the CSV, and the nation's trend over the last five years.
 */
@Path("/national/results")
@Produces(MediaType.TEXT_HTML)
public class NationalResultsPage {

    /** How many years the trend shows, ending with the chosen one. */
    static final int TREND_YEARS = 5;

    /** A section of the instrument: its code and its title in the page's language. */
    @TemplateData
    public record SectionRow(String code, String title) {
    }

    /** A tenant's row: its name (the slug where KS's list has none) and its results. */
    @TemplateData
    public record TenantRow(String name, NationalResults.Tenant tenant) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance results(Page page, int year, int version, List<Integer> years,
                NationalResults results, List<TenantRow> tenants, NationalTrend trend, List<SectionRow> sections,
                Map<String, String> titles);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance results(@QueryParam("year") @DefaultValue("0") int year,
            @QueryParam("version") @DefaultValue("1") int version) {
        Page page = pages.page("national-results.title");
        int thisYear = page.t().today().getYear();
        int chosen = year < 2000 || year > 2100 ? thisYear : year;
        NationalResults results = api.nationalResults(version, chosen);
        NationalTrend trend = api.nationalTrend(version, chosen - TREND_YEARS + 1, chosen);
        Map<String, String> names = api.nationalTenants(500).stream()
                .collect(Collectors.toMap(TenantSummary::slug, TenantSummary::name, (a, b) -> a));
        List<TenantRow> tenants = results.tenants().stream()
                .map(t -> new TenantRow(names.getOrDefault(t.tenantId(), t.tenantId()), t))
                .sorted(java.util.Comparator.comparing(TenantRow::name, String.CASE_INSENSITIVE_ORDER)).toList();
        SurveyRoundDetail.Questions instrument = api.instrument(version);
        Map<String, String> titles = new HashMap<>();
        instrument.sections().forEach(s -> titles.put(s.code(), s.title().in(page.t().lang())));
        List<SectionRow> sections = instrument.sections().stream()
                .map(s -> new SectionRow(s.code(), titles.get(s.code()))).toList();
        List<Integer> years = java.util.stream.IntStream.rangeClosed(thisYear - 9, thisYear).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList();
        return Templates.results(page, chosen, version, years, results, tenants, trend, sections, titles);
    }

    /** The national results of the year as the API's CSV. */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("year") @DefaultValue("0") int year,
            @QueryParam("version") @DefaultValue("1") int version) {
        int chosen = year < 2000 || year > 2100 ? LocalDate.now().getYear() : year;
        return Response.ok(api.nationalResultsCsv(version, chosen), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"national-results-" + chosen + ".csv\"")
                .header("Cache-Control", "private, no-store").build();
    }
}
