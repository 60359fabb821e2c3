package no.ks.led.surveys.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.service.InstrumentCatalogue;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The national instrument's published versions as any member of a tenant reads them (the questions are
 * the same for every tenant and say nothing about anyone). Tenant-scoped so that national routes stay
 * KS's alone.
 */
@Path("/api/tenants/{tenantId}/instruments")
@Produces(MediaType.APPLICATION_JSON)
public class TenantInstrumentResource {

    @Inject
    TenantAccess access;

    @Inject
    InstrumentCatalogue catalogue;

    @GET
    public RestResponse<List<Instrument>> list(@PathParam("tenantId") String tenantId, @BeanParam PageRequest page) {
        access.require(tenantId);
        return page.of(catalogue.listPublished()).toResponse();
    }

    @GET
    @Path("{version}")
    public Instrument get(@PathParam("tenantId") String tenantId, @PathParam("version") String version) {
        access.require(tenantId);
        return InstrumentResource.find(catalogue, version);
    }
}
