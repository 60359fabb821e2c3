package no.ks.led.foundation.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class TenantAccessTest {

    @Test
    void readsTheOrganizationClaimAsAnArrayOfAliases() {
        var claim = Json.createArrayBuilder().add("fjordvik").add("nordhei").build();
        assertEquals(Set.of("fjordvik", "nordhei"), TenantAccess.organizationAliases(claim));
    }

    @Test
    void readsTheOrganizationClaimAsAnObjectKeyedByAlias() {
        var claim = Json.createObjectBuilder()
                .add("fjordvik", Json.createObjectBuilder().add("id", "42"))
                .build();
        assertEquals(Set.of("fjordvik"), TenantAccess.organizationAliases(claim));
    }

    @Test
    void noClaimMeansNoTenant() {
        assertEquals(Set.of(), TenantAccess.organizationAliases(null));
        assertEquals(Set.of("a", "b"), TenantAccess.organizationAliases(List.of("a", "b")));
    }

    @Test
    void onlyWellFormedSlugsCanNameATenant() {
        assertEquals(true, TenantAccess.TENANT_SLUG.matcher("fjordvik").matches());
        assertEquals(false, TenantAccess.TENANT_SLUG.matcher("../etc").matches());
        assertEquals(false, TenantAccess.TENANT_SLUG.matcher("Fjordvik").matches());
    }
}
