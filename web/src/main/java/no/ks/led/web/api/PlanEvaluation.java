package no.ks.led.web.api;

/** An evaluation of the plan's current cycle: its summary. */
public record PlanEvaluation(String summary) {
}
