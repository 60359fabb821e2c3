package no.ks.led.web.api;

/** A consultant's proposal: the change and an optional note to the owner. */
public record NewProposal(PlanChange change, String note) {
}
