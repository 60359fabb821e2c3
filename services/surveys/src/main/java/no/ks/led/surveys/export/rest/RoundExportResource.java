package no.ks.led.surveys.export.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.access.AccessReplica;
import no.ks.led.surveys.export.ResultCsv;
import no.ks.led.surveys.export.ResultTable;
import no.ks.led.surveys.export.ResultViews;
import no.ks.led.surveys.export.ResultXlsx;

/** The owner's view of a round's results as a download: {@code results.csv} and {@code results.xlsx}. */
@Path("/api/tenants/{tenantId}/survey-rounds/{roundId}")
public class RoundExportResource {

    @Inject
    ResultViews views;

    @Inject
    AccessReplica access;

    @GET
    @Path("results.csv")
    @Produces(ResultCsv.MEDIA_TYPE)
    public Response csv(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId) {
        ResultViews.View view = views.forTenant(tenantId, roundId);
        return Downloads.attachment(ResultCsv.write(ResultTable.of(view.results(), view.questions(), access.countryOf(tenantId))), ResultCsv.MEDIA_TYPE,
                Downloads.fileName(roundId, null, "csv"));
    }

    @GET
    @Path("results.xlsx")
    @Produces(ResultXlsx.MEDIA_TYPE)
    public Response xlsx(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId) {
        ResultViews.View view = views.forTenant(tenantId, roundId);
        return Downloads.attachment(ResultXlsx.write(ResultTable.of(view.results(), view.questions(), access.countryOf(tenantId))), ResultXlsx.MEDIA_TYPE,
                Downloads.fileName(roundId, null, "xlsx"));
    }
}
