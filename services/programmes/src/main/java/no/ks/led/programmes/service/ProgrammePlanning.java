package no.ks.led.programmes.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.events.programmes.ProgrammeCreated;
import no.ks.led.foundation.idempotency.IdempotencyKeys;
import no.ks.led.foundation.outbox.Outbox;
import no.ks.led.programmes.Programme;

/** Creating and changing programmes; every change records its event in the same transaction. */
@ApplicationScoped
public class ProgrammePlanning {

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    /** The outcome of a create: the programme, and whether this call created it or a retry found it. */
    public record Created(Programme programme, boolean isNew) {
    }

    @Transactional
    public Created create(String tenantId, String name, String createdBy, String idempotencyKey) {
        if (idempotencyKey != null) {
            idempotencyKeys.claim("programme", tenantId, idempotencyKey);
            var earlier = Programme.findByIdempotencyKey(tenantId, idempotencyKey);
            if (earlier.isPresent()) {
                return new Created(earlier.get(), false);
            }
        }
        Programme programme = new Programme();
        programme.id = UUID.randomUUID();
        programme.tenantId = tenantId;
        programme.name = name.strip();
        programme.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        programme.createdBy = createdBy;
        programme.idempotencyKey = idempotencyKey;
        programme.persist();
        outbox.record(tenantId, new ProgrammeCreated(programme.id, tenantId, programme.name, programme.createdAt));
        return new Created(programme, true);
    }
}
