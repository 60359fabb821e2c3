package no.ks.led.web.api;

import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A school of a tenant: {@code kind} is {@code grunnskole} or {@code videregaende}. */
@TemplateData
public record School(UUID id, String name, String kind, String organisationNumber, boolean hasLeadershipTeam) {

    /** The message key of the school's kind. */
    public String kindKey() {
        return "schools.kind." + kind;
    }
}
