package no.ks.led.surveys.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.problem.Problem;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.NationalResults;
import no.ks.led.surveys.service.InstrumentCatalogue;
import no.ks.led.surveys.service.NationalAggregate;

/** The national results of the status analysis for KS ({@code ks-admin}, {@code ks-analyst}): per tenant, never per school. */
@Path("/api/national/survey-results")
@Produces(MediaType.APPLICATION_JSON)
public class NationalResultsResource {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    @Inject
    TenantAccess access;

    @Inject
    InstrumentCatalogue catalogue;

    @Inject
    NationalAggregate aggregate;

    /** One published instrument version over the rounds closing in one year. */
    @GET
    public NationalResults get(@QueryParam("instrumentVersion") String instrumentVersion, @QueryParam("year") String year) {
        access.requireNational("ks-admin", "ks-analyst");
        Query query = Query.parse(catalogue, instrumentVersion, year);
        return aggregate.of(query.instrument(), query.year());
    }

    /** The validated query parameters. */
    record Query(Instrument instrument, int year) {

        static Query parse(InstrumentCatalogue catalogue, String version, String year) {
            List<Problem.Violation> violations = new ArrayList<>();
            Optional<Instrument> instrument = integer(version).flatMap(catalogue::published);
            if (instrument.isEmpty()) {
                violations.add(new Problem.Violation("instrumentVersion", "must be a published instrument version"));
            }
            Optional<Integer> y = integer(year).filter(v -> v >= FIRST_YEAR && v <= LAST_YEAR);
            if (y.isEmpty()) {
                violations.add(new Problem.Violation("year", "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR));
            }
            if (!violations.isEmpty()) {
                throw new ProblemException(ProblemType.VALIDATION_FAILED, "See the violations for each field", violations);
            }
            return new Query(instrument.orElseThrow(), y.orElseThrow());
        }

        private static Optional<Integer> integer(String value) {
            if (value == null || !value.strip().matches("[0-9]{1,9}")) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(value.strip()));
        }
    }
}
