package no.ks.led.surveys.rest;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.surveys.Trend;
import no.ks.led.surveys.service.OwnerResults;
import no.ks.led.surveys.service.RoundResults;
import no.ks.led.surveys.service.RoundTrends;

/**
 * Results over time: every round that has opened, oldest first, with the section means the viewer may see.
 * With {@code schoolId}: that school's own results, for its principal and school leaders; without: the
 * tenant's aggregate, for {@code owner-executive} and {@code coordinator}.
 */
@Path("/api/tenants/{tenantId}/survey-results/trend")
@Produces(MediaType.APPLICATION_JSON)
public class TrendResource {

    @Inject
    TenantAccess access;

    @Inject
    TenantZones zones;

    @Inject
    RoundResults results;

    @Inject
    OwnerResults ownerResults;

    @Inject
    RoundTrends trends;

    @GET
    public Trend trend(@PathParam("tenantId") String tenantId, @QueryParam("schoolId") String schoolId) {
        LocalDate today = LocalDate.now(zones.of(tenantId));
        if (schoolId == null) {
            Grant grant = access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
            return trends.trend(tenantId, null, today, r -> ownerResults.of(r, grant));
        }
        access.require(tenantId); // another tenant's caller learns nothing, not even that the school id is malformed
        UUID school = parse(schoolId);
        access.requireAtSchool(tenantId, school, TenantRole.PRINCIPAL, TenantRole.SCHOOL_LEADER);
        UUID person = access.personId()
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "The token carries no person id"));
        return trends.trend(tenantId, school, today, r -> results.forSchool(r, school, person));
    }

    private static UUID parse(String schoolId) {
        try {
            return UUID.fromString(schoolId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("schoolId", "must be a UUID");
        }
    }
}
