package no.ks.led.web.api;

import java.time.LocalDate;
import java.util.Set;

import io.quarkus.qute.TemplateData;

/** One explained line of an estimate, application or claim: a cost, what the policy counts and refunds, and the rule. */
@TemplateData
public record RefundLine(String kind, LocalDate date, String name, long costOre, long countedOre, long refundOre, String rule,
        String explanation) {

    /** The rules the pages have a text for ({@code cap-N} aside); any other shows the API's own explanation. */
    private static final Set<String> RULES = Set.of("over-caps", "day-cap", "fee-cap", "fee", "travel", "share", "single-day",
            "participant-fee-cap", "participant-fee", "study-fee-cap", "study-fee", "not-eligible", "per-person-cap",
            "per-person", "no-fund", "no-vat", "held-before-approval", "approved-amount");

    /** The message key explaining the rule. */
    public String ruleKey() {
        if (rule != null && rule.matches("cap-\\d+")) {
            return "funding.rule.cap";
        }
        return rule != null && RULES.contains(rule) ? "funding.rule." + rule : "funding.rule.other";
    }

    /** What the rule's text needs: the place for {@code cap-N}, the API's explanation for a rule without a text. */
    public String ruleArgument() {
        if (rule != null && rule.matches("cap-\\d+")) {
            return rule.substring(4);
        }
        return explanation == null ? "" : explanation;
    }

    public String kindKey() {
        return "funding.kind." + (Set.of("speaker", "travel", "participant-fee", "study-fee", "other-cost", "vat", "share", "day-cap").contains(kind) ? kind : "other");
    }
}
