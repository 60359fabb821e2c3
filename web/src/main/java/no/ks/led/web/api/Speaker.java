package no.ks.led.web.api;

import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A speaker of the directory KS shares across tenants. */
@TemplateData
public record Speaker(UUID id, String name, String organisation, String email) {

    /** The id as a form sends it back. */
    public String idText() {
        return id.toString();
    }
}
