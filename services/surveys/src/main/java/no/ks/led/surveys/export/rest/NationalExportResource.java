package no.ks.led.surveys.export.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.access.Country;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.surveys.NationalResults;
import no.ks.led.surveys.export.ResultCsv;
import no.ks.led.surveys.export.ResultTable;
import no.ks.led.surveys.service.InstrumentCatalogue;
import no.ks.led.surveys.service.NationalAggregate;

/** The national view as a CSV download, of the caller's country (as the JSON): the same figures as the JSON. */
@Path("/api/national/survey-results.csv")
public class NationalExportResource {

    @Inject
    TenantAccess access;

    @Inject
    NationalAggregate aggregate;

    @Inject
    InstrumentCatalogue catalogue;

    @GET
    @Produces(ResultCsv.MEDIA_TYPE)
    public Response csv(@QueryParam("instrumentVersion") String instrumentVersion, @QueryParam("year") String year) {
        Country country = access.requireNationalFigures();
        NationalResults results = aggregate.of(country, instrumentVersion, year);
        ResultTable table = ResultTable.of(results, catalogue.published(results.instrumentVersion()).orElseThrow(), country);
        return Downloads.attachment(ResultCsv.write(table), ResultCsv.MEDIA_TYPE,
                "resultater-nasjonalt-v" + results.instrumentVersion() + "-" + results.year() + ".csv");
    }
}
