package no.ks.led.events.organisations;

import java.time.Instant;

import no.ks.led.events.EventContract;

/** KS deactivated a tenant: its data is kept, nobody may act in it any more. */
@EventContract(service = "organisations", name = "TenantDeactivated", version = 1)
public record TenantDeactivated(String tenantId, Instant deactivatedAt) {
}
