package no.ks.led.web.api;

import io.quarkus.qute.TemplateData;

/**
 * A tenant as its members see it: its name, the language and time zone its pages default to, and its country
 * ({@code NO} or {@code DK}).
 */
@TemplateData
public record Tenant(String slug, String name, String kind, String language, String timeZone, String country) {

    /** Whether the tenant is Danish (a {@code dansk-kommune}). */
    public boolean danish() {
        return "DK".equals(country);
    }
}
