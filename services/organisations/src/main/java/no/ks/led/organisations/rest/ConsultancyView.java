package no.ks.led.organisations.rest;

import java.time.Instant;

import no.ks.led.organisations.Consultancy;

/** A consultancy as KS sees it; {@code consultants} counts its current consultants. */
public record ConsultancyView(String slug, String name, String organisationNumber, long consultants,
        Instant registeredAt) {

    static ConsultancyView of(Consultancy consultancy, long consultants) {
        return new ConsultancyView(consultancy.slug, consultancy.name, consultancy.orgNumber, consultants,
                consultancy.createdAt);
    }
}
