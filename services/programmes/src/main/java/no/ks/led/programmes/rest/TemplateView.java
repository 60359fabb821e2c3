package no.ks.led.programmes.rest;

import java.time.Instant;

import no.ks.led.programmes.Framework;
import no.ks.led.programmes.ProgrammeTemplate;

/** A published template version as the API shows it; {@code framework} only where one template is asked for. */
public record TemplateView(String templateId, int version, String name, String language, String description,
        Instant publishedAt, Framework framework) {

    static TemplateView summary(ProgrammeTemplate t) {
        return new TemplateView(t.templateId, t.version, t.name, t.language, t.description, t.publishedAt, null);
    }

    static TemplateView full(ProgrammeTemplate t) {
        return new TemplateView(t.templateId, t.version, t.name, t.language, t.description, t.publishedAt, t.framework);
    }
}
