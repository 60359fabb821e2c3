package no.ks.led.foundation.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class CallerTokenTest {

    @Test
    void readsTheOrganizationClaimAsAnArrayOfAliases() {
        var claim = Json.createArrayBuilder().add("fjordvik").add("nordhei").build();
        assertEquals(Set.of("fjordvik", "nordhei"), CallerToken.organizationAliases(claim));
    }

    @Test
    void readsTheOrganizationClaimAsAnObjectKeyedByAlias() {
        var claim = Json.createObjectBuilder()
                .add("fjordvik", Json.createObjectBuilder().add("id", "42"))
                .build();
        assertEquals(Set.of("fjordvik"), CallerToken.organizationAliases(claim));
    }

    @Test
    void noClaimMeansNoTenant() {
        assertEquals(Set.of(), CallerToken.organizationAliases(null));
        assertEquals(Set.of("a", "b"), CallerToken.organizationAliases(List.of("a", "b")));
    }

    @Test
    void onlyWellFormedSlugsCanNameATenant() {
        assertEquals(true, CallerToken.TENANT_SLUG.matcher("fjordvik").matches());
        assertEquals(false, CallerToken.TENANT_SLUG.matcher("../etc").matches());
        assertEquals(false, CallerToken.TENANT_SLUG.matcher("Fjordvik").matches());
    }
}
