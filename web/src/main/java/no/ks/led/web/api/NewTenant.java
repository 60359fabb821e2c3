package no.ks.led.web.api;

/** A school owner KS onboards: its slug, name, kind, organisation number, and optionally its number and language. */
public record NewTenant(String slug, String name, String kind, String organisationNumber, String municipalityNumber,
        String language) {
}
