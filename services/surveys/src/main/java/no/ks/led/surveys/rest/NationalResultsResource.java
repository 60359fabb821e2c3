package no.ks.led.surveys.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.surveys.NationalResults;
import no.ks.led.surveys.service.NationalAggregate;

/** The national results of the status analysis for KS ({@code ks-admin}, {@code ks-analyst}): per tenant, never per school. */
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
        access.requireNational("ks-admin", "ks-analyst");
        return aggregate.of(instrumentVersion, year);
    }
}
