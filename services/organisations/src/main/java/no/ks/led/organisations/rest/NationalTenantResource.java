package no.ks.led.organisations.rest;

import java.net.URI;
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
import no.ks.led.foundation.access.Country;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.organisations.OrganisationNumber;
import no.ks.led.organisations.School;
import no.ks.led.organisations.Tenant;
import no.ks.led.organisations.service.TenantRegistry;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The national view of the tenants, counts without personal data, each national operator seeing its own
 * country's only (KS Norway's, {@code dk-national} Denmark's); onboarding and deactivation of any tenant are
 * KS's, the platform's operator.
 */
@Path("/api/national/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class NationalTenantResource {

    static final String KS_ADMIN = "ks-admin";
    static final String KS_ANALYST = "ks-analyst";

    @Inject
    TenantAccess access;

    @Inject
    TenantRegistry registry;

    @GET
    public RestResponse<List<TenantSummary>> list(@BeanParam PageRequest page) {
        Country country = access.requireNationalFigures();
        return page.of(Tenant.findInCountryBySlug(country.name())).map(NationalTenantResource::summary).toResponse();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response onboard(@NotNull(message = "a JSON body is required") @Valid TenantOnboardingRequest request) {
        access.requireNational(KS_ADMIN);
        Tenant tenant = registry.onboard(new TenantRegistry.Onboarding(request.slug(), request.name(), request.kind(),
                OrganisationNumber.normalise(request.organisationNumber()), request.municipalityNumber(),
                request.timeZone() == null ? defaultZone(request.kind()) : request.timeZone(),
                request.language() == null ? defaultLanguage(request.kind()) : request.language()));
        return Response.created(URI.create("/api/national/tenants/" + tenant.slug)).entity(summary(tenant)).build();
    }

    @POST
    @Path("{slug}/deactivation")
    public TenantSummary deactivate(@PathParam("slug") String slug) {
        access.requireNational(KS_ADMIN);
        return summary(registry.deactivate(slug));
    }

    private static TenantSummary summary(Tenant tenant) {
        return new TenantSummary(tenant.slug, tenant.name, tenant.kind, tenant.country, tenant.orgNumber, tenant.active,
                School.countInTenant(tenant.slug), tenant.createdAt);
    }

    private static String defaultZone(String kind) {
        return "dansk-kommune".equals(kind) ? "Europe/Copenhagen" : TenantZones.PLATFORM_DEFAULT_ID;
    }

    private static String defaultLanguage(String kind) {
        return "dansk-kommune".equals(kind) ? "da" : "nb";
    }
}
