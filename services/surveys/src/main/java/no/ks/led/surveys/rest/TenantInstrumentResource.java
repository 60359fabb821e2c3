package no.ks.led.surveys.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.service.InstrumentCatalogue;

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
    public List<Instrument> list(@PathParam("tenantId") String tenantId) {
        access.require(tenantId);
        return catalogue.listPublished();
    }

    @GET
    @Path("{version}")
    public Instrument get(@PathParam("tenantId") String tenantId, @PathParam("version") String version) {
        access.require(tenantId);
        return InstrumentResource.find(catalogue, version);
    }
}
