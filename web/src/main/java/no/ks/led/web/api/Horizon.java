package no.ks.led.web.api;

import java.time.LocalDate;

import io.quarkus.qute.TemplateData;

/** Whether the tenant's gatherings are planned twelve months ahead. */
@TemplateData
public record Horizon(LocalDate from, LocalDate to, int gatherings, int minimum) {

    public boolean thin() {
        return gatherings < minimum;
    }
}
