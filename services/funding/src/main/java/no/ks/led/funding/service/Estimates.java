package no.ks.led.funding.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.funding.BudgetCost;
import no.ks.led.funding.FundingPolicy;
import no.ks.led.funding.refund.Basis;
import no.ks.led.funding.refund.Line;
import no.ks.led.funding.refund.Refund;

/** Refund estimates under a policy's newest version: pure computation, nothing stored. */
@ApplicationScoped
public class Estimates {

    /** What to estimate: the policy id, the days with their speakers, one fee per participant, study fees, and costs the fund never refunds. */
    public record EstimateCommand(String policy, List<Basis.Day> days, List<Long> participantFeesOre,
            List<Basis.StudyFee> studyFees, List<Basis.OtherCost> otherCosts) {
    }

    /** The estimate, naming the policy version it was computed under. */
    public record Estimate(String policy, int policyVersion, long costOre, long countedOre, long refundOre, List<Line> lines) {
    }

    /** Computes the refund; a body the policy cannot take is a 400 naming the field. */
    @Transactional
    public Estimate estimate(EstimateCommand command) {
        FundingPolicy policy = PolicyCatalogue.latestOrInvalid(command.policy(), "policy");
        LocalDate first = command.days().stream().map(Basis.Day::date).min(LocalDate::compareTo).orElse(null);
        if (command.otherCosts().stream().anyMatch(c -> !BudgetCost.KINDS.contains(c.kind()))) {
            throw ProblemException.invalidField("otherCosts.kind", "must be one of " + BudgetCost.KINDS);
        }
        Basis basis = new Basis(command.days(), command.participantFeesOre().stream()
                .map(fee -> new Basis.ParticipantFee(null, first, fee)).toList(), command.studyFees(), command.otherCosts());
        String[] refused = policy.rules.cannotTake(basis);
        if (refused != null) {
            throw ProblemException.invalidField(refused[0], refused[1]);
        }
        Refund refund = Refund.under(policy.rules, basis);
        return new Estimate(policy.policyId(), policy.version(), refund.costOre(), refund.countedOre(), refund.refundOre(),
                refund.lines());
    }
}
