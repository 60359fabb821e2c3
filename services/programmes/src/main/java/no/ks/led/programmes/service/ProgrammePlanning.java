package no.ks.led.programmes.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.events.programmes.ProgrammeCreated;
import no.ks.led.foundation.idempotency.IdempotencyKey;
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

    /** What a request to create a programme asks for; its canonical JSON is the Idempotency-Key's fingerprint. */
    public record Creation(String name) {
    }

    /**
     * Creates a programme; with an {@code idempotencyKey} (may be null) a retry of the caller's same request
     * gets the programme the first one created, and the key with another name is a 422.
     */
    @Transactional
    public Created create(String tenantId, String name, String createdBy, IdempotencyKey idempotencyKey) {
        if (idempotencyKey == null) {
            return new Created(newProgramme(tenantId, name, createdBy), true);
        }
        var outcome = idempotencyKeys.once(idempotencyKey, new IdempotencyKeys.Scope("programme", tenantId, createdBy),
                new Creation(name.strip()), () -> newProgramme(tenantId, name, createdBy), programme -> programme.id,
                id -> Programme.findInTenant(tenantId, id).orElseThrow());
        return new Created(outcome.result(), outcome.isNew());
    }

    private Programme newProgramme(String tenantId, String name, String createdBy) {
        Programme programme = new Programme();
        programme.id = UUID.randomUUID();
        programme.tenantId = tenantId;
        programme.name = name.strip();
        programme.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        programme.createdBy = createdBy;
        programme.persist();
        outbox.record(tenantId, new ProgrammeCreated(programme.id, tenantId, programme.name, programme.createdAt));
        return programme;
    }
}
