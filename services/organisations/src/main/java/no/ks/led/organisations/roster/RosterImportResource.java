package no.ks.led.organisations.roster;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.ks.led.foundation.access.Country;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.organisations.Tenant;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Bulk onboarding: a tenant's executive or coordinator uploads a CSV file of schools and their
 * leaders, first as a dry run that reports every row's errors, then for real, all or nothing.
 * The format is described in {@code docs/roster-import.md}.
 */
@Path("/api/tenants/{tenantId}/roster-imports")
public class RosterImportResource {

    private static final Logger LOG = Logger.getLogger(RosterImportResource.class);

    @Inject
    TenantAccess access;

    @Inject
    RosterImport rosterImport;

    @Inject
    RosterImportConfig config;

    @POST
    // spreadsheets and browsers label CSV files in all these ways (Windows browsers as vnd.ms-excel)
    @Consumes({"text/csv", "application/csv", "text/plain", "application/vnd.ms-excel", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@PathParam("tenantId") String tenantId, @QueryParam("dryRun") String dryRun, InputStream body)
            throws IOException {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        boolean dry = dryRun(dryRun);
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(config.maxBytes() + 1);
        if (bytes.length > config.maxBytes()) {
            throw UnreadableRoster.tooLarge(String.format(Locale.ROOT,
                    "The file is larger than %,d bytes; split it into smaller files", config.maxBytes()));
        }
        long started = System.nanoTime();
        Roster roster = Roster.read(bytes, config.maxRows(), Tenant.<Tenant>findByIdOptional(tenantId)
                .map(t -> Country.valueOf(t.country)).orElse(Country.NO));
        long read = System.nanoTime();
        RosterReport report = dry ? rosterImport.dryRun(tenantId, roster) : rosterImport.importRoster(tenantId, roster);
        LOG.infof("Roster %s for %s: %d rows, %d errors, %d schools, %d people, %d memberships; read in %d ms, %s in %d ms",
                dry ? "dry run" : "import", tenantId, report.rows(), report.errors().size(), report.schoolsToCreate(),
                report.peopleToCreate(), report.membershipsToGrant(), (read - started) / 1_000_000,
                dry ? "checked" : "imported", (System.nanoTime() - read) / 1_000_000);
        return Response.status(dry ? Response.Status.OK : Response.Status.CREATED).entity(report).build();
    }

    private static boolean dryRun(String value) {
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean(value);
        }
        throw ProblemException.invalidField("dryRun", "must be true (check only) or false (import)");
    }

    @ServerExceptionMapper
    public Response unreadable(UnreadableRoster e, UriInfo uri) {
        return RosterProblem.of(e, uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response rejected(RosterRejected e, UriInfo uri) {
        return RosterProblem.of(e, uri.getPath()).toResponse();
    }
}
