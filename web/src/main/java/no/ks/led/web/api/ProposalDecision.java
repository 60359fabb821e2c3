package no.ks.led.web.api;

/** The owner's decision on a proposal: accept or reject, with an optional reason. */
public record ProposalDecision(boolean accept, String reason) {
}
