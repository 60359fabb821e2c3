package no.ks.led.web.api;

import io.quarkus.qute.TemplateData;

/** A tenant as its members see it: its name, and the language and time zone its pages default to. */
@TemplateData
public record Tenant(String slug, String name, String kind, String language, String timeZone) {
}
