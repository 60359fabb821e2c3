package no.ks.led.web.api;

import io.quarkus.qute.TemplateData;

/** A programme template's newest version, as a tenant's members may read it. */
@TemplateData
public record ProgrammeTemplate(String templateId, int version, String name, String language, String description) {
}
