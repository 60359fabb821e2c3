package no.ks.led.events.organisations;

import java.time.Instant;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * A person was erased. Recorded once for each organisation the person belonged to, keyed by it, so it
 * stays ordered after that organisation's membership events. Every service pseudonymises what it holds
 * about the person; the event itself carries nothing but the id.
 */
@EventContract(service = "organisations", name = "PersonErased", version = 1)
public record PersonErased(UUID personId, String tenantId, Instant erasedAt) {
}
