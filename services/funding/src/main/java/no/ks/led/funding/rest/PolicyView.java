package no.ks.led.funding.rest;

import java.time.Instant;

import no.ks.led.funding.FundingPolicy;
import no.ks.led.funding.refund.PolicyRules;

/** A published funding policy version as the API shows it. */
public record PolicyView(String policy, int version, String name, String country, PolicyRules rules, Instant publishedAt) {

    static PolicyView of(FundingPolicy policy) {
        return new PolicyView(policy.policyId(), policy.version(), policy.name, policy.country, policy.rules, policy.publishedAt);
    }
}
