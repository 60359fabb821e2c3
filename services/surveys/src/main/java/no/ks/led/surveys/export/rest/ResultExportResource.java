package no.ks.led.surveys.export.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.access.AccessReplica;
import no.ks.led.surveys.export.ResultCharts;
import no.ks.led.surveys.export.ResultCsv;
import no.ks.led.surveys.export.ResultTable;
import no.ks.led.surveys.export.ResultViews;
import no.ks.led.surveys.export.ResultXlsx;

/**
 * A school's results as a download ({@code schools/{schoolId}.csv|.xlsx}) and the charts of the owner's
 * and a school's view ({@code chart/sections.svg}, {@code chart/items.svg}), beside the JSON results.
 */
@Path("/api/tenants/{tenantId}/survey-rounds/{roundId}/results")
public class ResultExportResource {

    @Inject
    ResultViews views;

    @Inject
    AccessReplica access;

    @GET
    @Path("schools/{schoolId}.csv")
    @Produces(ResultCsv.MEDIA_TYPE)
    public Response schoolCsv(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @PathParam("schoolId") UUID schoolId) {
        ResultViews.View view = views.forSchool(tenantId, roundId, schoolId);
        return Downloads.attachment(ResultCsv.write(ResultTable.of(view.results(), view.questions(), access.countryOf(tenantId))), ResultCsv.MEDIA_TYPE,
                Downloads.fileName(roundId, schoolId, "csv"));
    }

    @GET
    @Path("schools/{schoolId}.xlsx")
    @Produces(ResultXlsx.MEDIA_TYPE)
    public Response schoolXlsx(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @PathParam("schoolId") UUID schoolId) {
        ResultViews.View view = views.forSchool(tenantId, roundId, schoolId);
        return Downloads.attachment(ResultXlsx.write(ResultTable.of(view.results(), view.questions(), access.countryOf(tenantId))), ResultXlsx.MEDIA_TYPE,
                Downloads.fileName(roundId, schoolId, "xlsx"));
    }

    @GET
    @Path("chart/sections.svg")
    @Produces(ResultCharts.MEDIA_TYPE)
    public Response sections(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId) {
        ResultViews.View view = views.forTenant(tenantId, roundId);
        return Downloads.chart(ResultCharts.sections(view.results(), view.questions(), access.countryOf(tenantId)));
    }

    @GET
    @Path("chart/items.svg")
    @Produces(ResultCharts.MEDIA_TYPE)
    public Response items(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId) {
        ResultViews.View view = views.forTenant(tenantId, roundId);
        return Downloads.chart(ResultCharts.items(view.results(), view.questions(), access.countryOf(tenantId)));
    }

    @GET
    @Path("schools/{schoolId}/chart/sections.svg")
    @Produces(ResultCharts.MEDIA_TYPE)
    public Response schoolSections(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @PathParam("schoolId") UUID schoolId) {
        ResultViews.View view = views.forSchool(tenantId, roundId, schoolId);
        return Downloads.chart(ResultCharts.sections(view.results(), view.questions(), access.countryOf(tenantId)));
    }

    @GET
    @Path("schools/{schoolId}/chart/items.svg")
    @Produces(ResultCharts.MEDIA_TYPE)
    public Response schoolItems(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @PathParam("schoolId") UUID schoolId) {
        ResultViews.View view = views.forSchool(tenantId, roundId, schoolId);
        return Downloads.chart(ResultCharts.items(view.results(), view.questions(), access.countryOf(tenantId)));
    }
}
