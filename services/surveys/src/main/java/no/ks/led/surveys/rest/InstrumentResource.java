package no.ks.led.surveys.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.CallerToken;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.service.InstrumentCatalogue;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The national instrument's published versions, for the national operators: KS ({@code ks-admin},
 * {@code ks-analyst}) and Denmark's ({@code dk-national}), whose national results page names its sections. Members
 * of a tenant read the same versions through {@link TenantInstrumentResource}.
 */
@Path("/api/national/instruments")
@Produces(MediaType.APPLICATION_JSON)
public class InstrumentResource {

    @Inject
    TenantAccess access;

    @Inject
    InstrumentCatalogue catalogue;

    @GET
    public RestResponse<List<Instrument>> list(@BeanParam PageRequest page) {
        access.requireNational(CallerToken.KS_ADMIN, CallerToken.KS_ANALYST, CallerToken.DK_NATIONAL);
        return page.of(catalogue.listPublished()).toResponse();
    }

    @GET
    @Path("{version}")
    public Instrument get(@PathParam("version") String version) {
        access.requireNational(CallerToken.KS_ADMIN, CallerToken.KS_ANALYST, CallerToken.DK_NATIONAL);
        return find(catalogue, version);
    }

    static Instrument find(InstrumentCatalogue catalogue, String version) {
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("Instrument version " + version);
        }
        return catalogue.published(number).orElseThrow(() -> ProblemException.notFound("Instrument version " + number));
    }
}
