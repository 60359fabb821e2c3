package no.ks.led.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import no.ks.led.gateway.routing.Route;
import org.junit.jupiter.api.Test;

/** The allow-list's matching rules: exact method, whole path, one segment per parameter. */
class RouteTest {

    private final Route programmeActivities = Route.parse("GET /api/tenants/{tenantId}/programmes/{programmeId}/activities scheduling");

    @Test
    void aMatchingRequestYieldsItsTenant() {
        assertEquals(Optional.of("fjordvik"), programmeActivities.match("GET", "/api/tenants/fjordvik/programmes/42/activities"));
        assertEquals("scheduling", programmeActivities.service());
    }

    @Test
    void anotherMethodOrALongerPathDoesNotMatch() {
        assertTrue(programmeActivities.match("POST", "/api/tenants/fjordvik/programmes/42/activities").isEmpty());
        assertTrue(programmeActivities.match("GET", "/api/tenants/fjordvik/programmes/42/activities/x").isEmpty());
        assertTrue(programmeActivities.match("GET", "/api/tenants/fjordvik/programmes/a/b/activities").isEmpty());
        assertTrue(programmeActivities.match("GET", "/api/tenants//programmes/42/activities").isEmpty());
    }

    @Test
    void regexCharactersInTheTemplateAreLiteral() {
        Route route = Route.parse("GET /api/me organisations");
        assertEquals(Optional.of(""), route.match("GET", "/api/me"));
        assertTrue(route.match("GET", "/api/mex").isEmpty());
    }

    @Test
    void aMalformedRouteIsRejectedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> Route.parse("GET api/me"));
        assertThrows(IllegalArgumentException.class, () -> Route.parse("GET /api/me"));
        assertThrows(IllegalArgumentException.class, () -> Route.parse("GET /api/me organisations 300s"));
        assertThrows(IllegalArgumentException.class, () -> Route.parse("GET /api/me organisations timeout=0s"));
        assertThrows(IllegalArgumentException.class, () -> Route.parse("GET /api/me organisations timeout=1s extra"));
    }

    @Test
    void aRouteMayCarryItsOwnUpstreamTimeout() {
        assertEquals(Optional.of(java.time.Duration.ofMinutes(5)),
                Route.parse("POST /api/tenants/{tenantId}/roster-imports organisations timeout=300s").timeout());
        assertTrue(programmeActivities.timeout().isEmpty());
    }
}
