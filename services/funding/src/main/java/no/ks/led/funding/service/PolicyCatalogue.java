package no.ks.led.funding.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.problem.Problem;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.funding.FundingPolicy;
import no.ks.led.funding.refund.PolicyRules;
import no.ks.led.funding.repository.PolicyRepository;

/** KS's funding policies: publishing a new version; published versions are never changed. */
@ApplicationScoped
public class PolicyCatalogue {

    @Inject
    PolicyRepository policies;

    /** A version to publish: its name, country (NO, DK or null) and rules. */
    public record PolicyContent(String name, String country, PolicyRules rules) {
    }

    /** Publishes the policy's next version (a new policy id starts at version 1). */
    @Transactional
    public FundingPolicy publish(String policyId, PolicyContent content, String publishedBy) {
        List<String[]> violations = content.rules().violations();
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The rules are not sound",
                    violations.stream().map(v -> new Problem.Violation(v[0], v[1])).toList());
        }
        policies.lockForPublishing(policyId);
        int next = FundingPolicy.latest(policyId).map(p -> p.version() + 1).orElse(1);
        FundingPolicy policy = new FundingPolicy();
        policy.key = new FundingPolicy.Key(policyId, next);
        policy.name = content.name().strip();
        policy.country = content.country();
        policy.rules = content.rules();
        policy.publishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        policy.publishedBy = publishedBy;
        policy.persist();
        return policy;
    }

    /** The newest version of the policy; a 400 naming the field when there is no such policy. */
    public static FundingPolicy latestOrInvalid(String policyId, String field) {
        return FundingPolicy.latest(policyId)
                .orElseThrow(() -> ProblemException.invalidField(field, "is not a funding policy"));
    }
}
