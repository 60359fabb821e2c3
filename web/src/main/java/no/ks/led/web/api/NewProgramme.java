package no.ks.led.web.api;

/** A programme to create, from a template or ({@code templateId} null) from nothing. */
public record NewProgramme(String name, String templateId) {
}
