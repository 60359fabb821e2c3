package no.ks.led.programmes.rest;

import java.time.Instant;
import java.util.UUID;

import no.ks.led.programmes.Programme;

/** A programme as the API shows it: the template and version it follows (null without one), its language and cycle. */
public record ProgrammeView(UUID id, String tenantId, String name, Instant createdAt, String templateId,
        Integer templateVersion, String language, int cycle) {

    static ProgrammeView of(Programme programme) {
        return new ProgrammeView(programme.id, programme.tenantId, programme.name, programme.createdAt, programme.templateId,
                programme.templateVersion, programme.language, programme.cycle);
    }
}
