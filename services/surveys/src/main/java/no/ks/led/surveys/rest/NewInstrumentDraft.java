package no.ks.led.surveys.rest;

/** KS starts a new version: its name and, optionally, the published version it succeeds (copied as its start). */
public record NewInstrumentDraft(String name, Integer successorOf) {
}
