package no.ks.led.surveys.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.surveys.NationalResults;
import no.ks.led.surveys.NationalTrend;
import no.ks.led.surveys.service.NationalAggregate;

/**
 * The national results of the status analysis, per tenant and never per school, of the caller's country: KS
 * ({@code ks-admin}, {@code ks-analyst}) sees Norway's tenants, {@code dk-national} Denmark's.
 */
@Path("/api/national/survey-results")
@Produces(MediaType.APPLICATION_JSON)
public class NationalResultsResource {

    @Inject
    TenantAccess access;

    @Inject
    NationalAggregate aggregate;

    /** One published instrument version over the rounds closing in one year. */
    @GET
    public NationalResults get(@QueryParam("instrumentVersion") String instrumentVersion, @QueryParam("year") String year) {
        return aggregate.of(access.requireNationalFigures(), instrumentVersion, year);
    }

    /** The nation's section means year by year, each year as the national view shows it (at most 10 years). */
    @GET
    @Path("trend")
    public NationalTrend trend(@QueryParam("instrumentVersion") String instrumentVersion,
            @QueryParam("fromYear") String fromYear, @QueryParam("toYear") String toYear) {
        return aggregate.trend(access.requireNationalFigures(), instrumentVersion, fromYear, toYear);
    }
}
