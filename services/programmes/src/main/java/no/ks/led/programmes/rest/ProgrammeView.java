package no.ks.led.programmes.rest;

import java.time.Instant;
import java.util.UUID;

import no.ks.led.programmes.Programme;

/** A programme as the API shows it. */
public record ProgrammeView(UUID id, String tenantId, String name, Instant createdAt) {

    static ProgrammeView of(Programme programme) {
        return new ProgrammeView(programme.id, programme.tenantId, programme.name, programme.createdAt);
    }
}
