package no.ks.led.web.api;

import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A calendar feed just made: its id (to revoke it) and its secret URL, shown this once. */
@TemplateData
public record CalendarFeed(UUID id, String scope, String url) {
}
