package no.ks.led.web.funding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import no.ks.led.web.api.FundingClaim;
import no.ks.led.web.api.RefundLine;
import no.ks.led.web.i18n.Language;
import no.ks.led.web.i18n.Messages;
import org.junit.jupiter.api.Test;

/** The keys the funding pages build at run time (statuses, rules, warnings, fields, notices) have texts. */
class FundingTextsTest {

    private final Messages messages = new Messages();

    @Test
    void everyStatusWarningNoticeAndFieldTheFundingPagesBuildHasAText() {
        for (String key : List.of("funding.status.draft", "funding.status.submitted", "funding.status.approved",
                "funding.status.refused", "funding.status.withdrawn", "claim.status.draft", "claim.status.submitted",
                "claim.status.paid", "funding.warning.apply-soon", "funding.warning.held-before-approval",
                "claim.warning.held-before-approval", "claim.warning.after-expiry", "claim.warning.after-year-end",
                "claim.warning.other", "application.notice.prepared", "application.notice.submitted",
                "application.notice.approved", "application.notice.refused", "application.notice.withdrawn",
                "claim.notice.prepared", "claim.notice.attached", "claim.notice.submitted", "claim.notice.paid",
                "budget.category.speaker-fee", "budget.category.travel", "budget.category.venue-hire",
                "budget.category.board-and-lodging", "budget.category.materials", "budget.category.substitutes",
                "budget.category.salaries", "budget.category.travel-time", "funding.kind.study-fee", "funding.kind.other-cost", "claim.attachment.invoice",
                "claim.attachment.approval-letter", "problem.funding-status-conflict", "problem.claim-before-last-activity")) {
            assertTrue(messages.has(key), key);
        }
        for (String field : List.of("title", "policy", "activityIds", "status", "on", "caseNumber", "approvedOre", "expiresOn",
                "reason", "applicationId", "organisationNumber", "accountNumber", "days", "participantFeesOre", "kind", "name",
                "file", "attachments", "receivedOre", "receivedOn", "year", "amount", "amountOre", "activityId", "description",
                "studyFees")) {
            assertTrue(messages.has("funding.field." + field), field);
        }
    }

    @Test
    void everyRuleOfTheRefundIsExplainedInTheLanguageAndAnUnknownOneByTheApi() {
        for (String rule : List.of("cap-1", "cap-4", "over-caps", "day-cap", "fee-cap", "fee", "travel", "share", "single-day",
                "participant-fee-cap", "participant-fee", "study-fee-cap", "study-fee", "not-eligible", "per-person-cap", "per-person", "no-fund", "no-vat",
                "held-before-approval", "approved-amount")) {
            RefundLine line = new RefundLine("speaker", null, "Kari", 0, 0, 0, rule, "English");
            assertTrue(!line.ruleKey().equals("funding.rule.other") && messages.has(line.ruleKey()), rule);
            assertTrue(messages.has(line.kindKey()), line.kindKey());
        }
        assertEquals("Plass 2 av takene per person per dag",
                messages.text(Language.NB, "funding.rule.cap", new RefundLine("speaker", null, "Kari", 0, 0, 0, "cap-2", "").ruleArgument()));
        RefundLine unknown = new RefundLine("lodging", null, null, 0, 0, 0, "new-rule", "A rule of a newer policy");
        assertEquals("A rule of a newer policy", messages.text(Language.NB, unknown.ruleKey(), unknown.ruleArgument()));
        assertEquals("funding.kind.other", unknown.kindKey());
    }

    @Test
    void aClaimsWarningsAreReadByTheirCode() {
        FundingClaim claim = new FundingClaim(null, null, "draft", "21/12345", "934567897", "15031234562", "ou-2024", 1, 0, 0,
                List.of(), List.of("held-before-approval: [2027-09-15] were held before", "after-year-end: count in 2027",
                        "something new"), 2027, null, null, null, List.of());
        assertEquals(List.of("claim.warning.held-before-approval", "claim.warning.after-year-end", "claim.warning.other"),
                claim.warningKeys());
    }
}
