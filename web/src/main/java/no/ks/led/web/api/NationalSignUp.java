package no.ks.led.web.api;

import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A sign-up for a national event through the tenant: confirmed, waiting or cancelled. */
@TemplateData
public record NationalSignUp(UUID id, UUID eventId, UUID personId, String status) {

    public boolean confirmed() {
        return "confirmed".equals(status);
    }

    public boolean waiting() {
        return "waiting".equals(status);
    }

    public boolean cancelled() {
        return "cancelled".equals(status);
    }
}
