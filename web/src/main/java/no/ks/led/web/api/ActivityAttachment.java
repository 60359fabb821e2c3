package no.ks.led.web.api;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** The agenda or a material of an activity, as the API lists it (never its content). */
@TemplateData
public record ActivityAttachment(UUID id, String kind, String fileName, String mediaType, int sizeBytes, Instant uploadedAt) {

    public boolean agenda() {
        return "agenda".equals(kind);
    }

    /** The size in whole kilobytes, at least 1. */
    public long kilobytes() {
        return Math.max(1, Math.round(sizeBytes / 1024.0));
    }
}
