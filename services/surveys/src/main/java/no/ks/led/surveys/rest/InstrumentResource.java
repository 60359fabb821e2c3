package no.ks.led.surveys.rest;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.access.CallerToken;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.service.InstrumentCatalogue;
import no.ks.led.surveys.service.InstrumentDrafting;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The national instrument's versions, for KS: the national roles ({@code ks-admin}, {@code ks-analyst}) read the
 * published ones and the draft; {@code ks-admin} writes a new version (start, edit, delete a draft, publish it).
 * Members of a tenant read the published versions only, through {@link TenantInstrumentResource}; Denmark's national
 * operator ({@code dk-national}) reads the published ones too, since its national results page names their sections.
 */
@Path("/api/national/instruments")
@Produces(MediaType.APPLICATION_JSON)
public class InstrumentResource {

    /** Read drafts as well as published versions. */
    static final String[] READERS = {CallerToken.KS_ADMIN, CallerToken.KS_ANALYST};
    /** Read the published versions. */
    static final String[] PUBLISHED_READERS = {CallerToken.KS_ADMIN, CallerToken.KS_ANALYST, CallerToken.DK_NATIONAL};
    static final String WRITER = CallerToken.KS_ADMIN;

    @Inject
    TenantAccess access;

    @Inject
    CallerToken caller;

    @Inject
    InstrumentCatalogue catalogue;

    @Inject
    InstrumentDrafting drafting;

    @GET
    public RestResponse<List<Instrument>> list(@BeanParam PageRequest page) {
        access.requireNational(PUBLISHED_READERS);
        return page.of(catalogue.listPublished()).toResponse();
    }

    /** The version being written, if any (a list of at most one). */
    @GET
    @Path("drafts")
    public RestResponse<List<Instrument>> drafts(@BeanParam PageRequest page) {
        access.requireNational(READERS);
        return page.of(catalogue.drafts()).toResponse();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(NewInstrumentDraft request) {
        access.requireNational(WRITER);
        if (request == null) {
            throw ProblemException.invalidField("name", "must not be blank");
        }
        Instrument draft = drafting.start(request.name(), request.successorOf());
        return Response.created(URI.create("/api/national/instruments/" + draft.version())).entity(draft).build();
    }

    @GET
    @Path("{version}")
    public Instrument get(@PathParam("version") String version) {
        access.requireNational(PUBLISHED_READERS);
        if (!caller.hasNationalRole(READERS)) {
            return find(catalogue, version);
        }
        int number = number(version);
        return catalogue.any(number).orElseThrow(() -> ProblemException.notFound("Instrument version " + number));
    }

    @PUT
    @Path("{version}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Instrument edit(@PathParam("version") String version, InstrumentDraftRequest request) {
        access.requireNational(WRITER);
        int number = number(version);
        if (request == null) {
            throw ProblemException.invalidField("name", "must not be blank");
        }
        return drafting.edit(number, request.toContent(number));
    }

    @DELETE
    @Path("{version}")
    public Response delete(@PathParam("version") String version) {
        access.requireNational(WRITER);
        drafting.delete(number(version));
        return Response.noContent().build();
    }

    @POST
    @Path("{version}/publication")
    public Instrument publish(@PathParam("version") String version) {
        access.requireNational(WRITER);
        return drafting.publish(number(version));
    }

    /** The version as a respondent reads it: {@code lang} nb, nn, en or da; {@code mode} individual (default) or team. */
    @GET
    @Path("{version}/preview")
    public InstrumentPreview preview(@PathParam("version") String version, @QueryParam("lang") String lang,
            @QueryParam("mode") String mode) {
        access.requireNational(READERS);
        if (lang == null || !Instrument.LANGUAGES.contains(lang)) {
            throw ProblemException.invalidField("lang", "must be nb, nn, en or da");
        }
        String asked = mode == null ? "individual" : mode;
        if (!asked.equals("individual") && !asked.equals("team")) {
            throw ProblemException.invalidField("mode", "must be individual or team");
        }
        return InstrumentPreview.of(get(version), lang, asked);
    }

    static Instrument find(InstrumentCatalogue catalogue, String version) {
        int number = number(version);
        return catalogue.published(number).orElseThrow(() -> ProblemException.notFound("Instrument version " + number));
    }

    private static int number(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("Instrument version " + version);
        }
    }
}
