package no.ks.led.web.api;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A tenant's programme as the API lists it: the template and version it follows, its language and cycle. */
@TemplateData
public record Programme(UUID id, String name, Instant createdAt, String templateId, Integer templateVersion,
        String language, int cycle) {
}
