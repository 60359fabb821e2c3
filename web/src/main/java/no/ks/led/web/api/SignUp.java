package no.ks.led.web.api;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A sign-up for an activity: confirmed, waiting or cancelled, with the dietary needs and whether the person attended. */
@TemplateData
public record SignUp(UUID id, UUID personId, String status, String dietaryNeeds, Instant signedUpAt, Boolean attended) {

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
