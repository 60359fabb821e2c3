package no.ks.led.web.api;

import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A school of a tenant. */
@TemplateData
public record School(UUID id, String name, String kind) {
}
