package no.ks.led.organisations.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.organisations.Consultancy;
import no.ks.led.organisations.Membership;
import no.ks.led.organisations.service.Consultancies;
import no.ks.led.organisations.service.PeopleDirectory;
import no.ks.led.organisations.service.PlatformClock;
import org.jboss.resteasy.reactive.RestResponse;

/** KS's register of consultancies and their consultants. */
@Path("/api/national/consultancies")
@Produces(MediaType.APPLICATION_JSON)
public class ConsultancyResource {

    @Inject
    TenantAccess access;

    @Inject
    Consultancies consultancies;

    @GET
    public RestResponse<List<ConsultancyView>> list(@BeanParam PageRequest page) {
        access.requireNational(NationalTenantResource.KS_ADMIN, NationalTenantResource.KS_ANALYST);
        LocalDate today = PlatformClock.today();
        return page.of(Consultancy.findAllBySlug())
                .map(c -> ConsultancyView.of(c, Membership.ofOrganisation(c.slug).stream()
                        .filter(m -> m.listedOn(today)).map(m -> m.personId).distinct().count()))
                .toResponse();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@NotNull(message = "a JSON body is required") @Valid ConsultancyRequest request) {
        access.requireNational(NationalTenantResource.KS_ADMIN);
        Consultancy consultancy = consultancies.register(request.slug(), request.name(), request.organisationNumber());
        return Response.created(URI.create("/api/national/consultancies/" + consultancy.slug))
                .entity(ConsultancyView.of(consultancy, 0)).build();
    }

    /** Adds a consultant: the person (linked by e-mail if known) with the role consultant in the consultancy. */
    @POST
    @Path("{slug}/consultants")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addConsultant(@PathParam("slug") String slug,
            @NotNull(message = "a JSON body is required") @Valid NewConsultantRequest request) {
        access.requireNational(NationalTenantResource.KS_ADMIN);
        PeopleDirectory.Granted granted = consultancies.addConsultant(slug, request.name(), request.email(), null);
        return Response.created(URI.create("/api/national/people/" + granted.person().id))
                .entity(PersonAdded.of(granted))
                .build();
    }
}
