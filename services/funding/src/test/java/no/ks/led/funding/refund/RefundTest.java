package no.ks.led.funding.refund;

import static no.ks.led.funding.refund.PolicyExamples.DK_KOMPETENCEFOND;
import static no.ks.led.funding.refund.PolicyExamples.LED_2018;
import static no.ks.led.funding.refund.PolicyExamples.NONE;
import static no.ks.led.funding.refund.PolicyExamples.OU_2024;
import static no.ks.led.funding.refund.PolicyExamples.OU_2024_V2;
import static no.ks.led.funding.refund.PolicyExamples.days;
import static no.ks.led.funding.refund.PolicyExamples.oneDay;
import static no.ks.led.funding.refund.PolicyExamples.speaker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The refund computation against the worked checks 1-4 and 10. */
class RefundTest {

    @Test
    void led2018GivesTheHighestCostsTheLargestCapsAndNeverMoreThanTheCost() {
        Refund refund = Refund.under(LED_2018, oneDay(speaker("D", 5_000), speaker("A", 20_000), speaker("C", 9_000),
                speaker("B", 17_000)));

        assertEquals(4_500_000, refund.refundOre());
        assertEquals(List.of(1_600_000L, 1_600_000L, 800_000L, 500_000L),
                refund.lines().stream().map(Line::refundOre).toList());
        assertEquals(List.of("A", "B", "C", "D"), refund.lines().stream().map(Line::name).toList());
        assertEquals("cap-4", refund.lines().get(3).rule());
    }

    @Test
    void led2018GivesAFifthSpeakerNothing() {
        Refund refund = Refund.under(LED_2018, oneDay(speaker("A", 20_000), speaker("B", 17_000), speaker("C", 9_000),
                speaker("D", 5_000), speaker("E", 30_000)));

        Line fifth = refund.lines().get(4);
        assertEquals("D", fifth.name());
        assertEquals(0, fifth.refundOre());
        assertEquals("over-caps", fifth.rule());
        // E takes the first place, A the second, B the third at 8,000, C the fourth at 8,000
        assertEquals(4_800_000, refund.refundOre());
    }

    @Test
    void led2018NeverPaysMoreThanTheDayCap() {
        PolicyRules tighter = new PolicyRules(PolicyRules.SPEAKER_CAPS, LED_2018.speakerCapsOre(), 4_000_000L, null, null,
                null, null, null, null, true, false, null, null);

        Refund refund = Refund.under(tighter, oneDay(speaker("A", 20_000), speaker("B", 20_000), speaker("C", 9_000),
                speaker("D", 9_000)));

        assertEquals(4_000_000, refund.refundOre());
        assertEquals("day-cap", refund.lines().get(3).rule());
        assertEquals(0, refund.lines().get(3).refundOre());
    }

    @Test
    void ou2024CapsTheFeeAtEighteenThousandADayAndRefundsSeventyPercentOverSeveralDays() {
        Refund refund = Refund.under(OU_2024, days(25, 20_000, 0));

        assertEquals(50_000_000, refund.costOre());
        assertEquals(45_000_000, refund.countedOre());
        assertEquals(31_500_000, refund.refundOre());
        Line share = refund.lines().get(refund.lines().size() - 1);
        assertEquals("share", share.kind());
        assertEquals("70 % of 450,000 kr over 25 days = 315,000 kr", share.explanation());
    }

    @Test
    void ou2024CountsActualTravelBesideTheCappedFee() {
        Refund refund = Refund.under(OU_2024, days(2, 20_000, 4_000));

        assertEquals(4_000_000, refund.countedOre());
        assertEquals(2_800_000, refund.refundOre());
    }

    @Test
    void ou2024CountsAParticipantFeeUpToThirtyFiveThousand() {
        Refund refund = Refund.under(OU_2024, new Basis(List.of(),
                List.of(new Basis.ParticipantFee(null, null, 4_000_000), new Basis.ParticipantFee(null, null, 2_000_000))));

        assertEquals(3_500_000 + 2_000_000, refund.refundOre());
        assertEquals("participant-fee-cap", refund.lines().get(0).rule());
    }

    @Test
    void vatIsNeverInTheBasis() {
        Basis withVat = new Basis(List.of(new Basis.Day(LocalDate.of(2027, 9, 15),
                List.of(new Basis.SpeakerCost("A", 1_000_000, 0, 250_000)))), List.of());
        Basis without = new Basis(List.of(new Basis.Day(LocalDate.of(2027, 9, 15),
                List.of(new Basis.SpeakerCost("A", 1_000_000, 0, 0)))), List.of());

        for (PolicyRules rules : List.of(LED_2018, OU_2024)) {
            Refund refund = Refund.under(rules, withVat);
            assertEquals(Refund.under(rules, without).refundOre(), refund.refundOre());
            assertEquals(1_000_000, refund.refundOre());
            assertTrue(refund.lines().stream().anyMatch(l -> l.kind().equals("vat") && l.countedOre() == 0 && l.refundOre() == 0));
        }
    }

    @Test
    void theDanishFundPaysEightyPercentUpToThirtyThousandPerPersonPerRollingTwelveMonths() {
        Refund refund = Refund.under(DK_KOMPETENCEFOND, new Basis(List.of(), List.of(
                new Basis.ParticipantFee("p1", LocalDate.of(2027, 3, 1), 2_500_000),
                new Basis.ParticipantFee("p1", LocalDate.of(2027, 9, 15), 3_000_000),
                new Basis.ParticipantFee("p1", LocalDate.of(2028, 3, 2), 3_000_000),
                new Basis.ParticipantFee("p2", LocalDate.of(2027, 9, 15), 5_000_000))));

        // 80 % of 25,000 = 20,000; then only 10,000 is left of the 30,000 within twelve months; on 2 March 2028
        // the first course has left the period but the second's 10,000 has not, so 20,000 of 24,000
        assertEquals(List.of(2_000_000L, 1_000_000L, 2_000_000L, 3_000_000L),
                refund.lines().stream().map(Line::refundOre).toList());
        assertEquals("per-person-cap", refund.lines().get(1).rule());
        assertEquals("per-person-cap", refund.lines().get(2).rule());
        assertEquals("per-person-cap", refund.lines().get(3).rule());
    }

    @Test
    void noFundRefundsNothingButKeepsTheCosts() {
        Refund refund = Refund.under(NONE, oneDay(speaker("A", 20_000)));

        assertEquals(2_000_000, refund.costOre());
        assertEquals(0, refund.refundOre());
    }

    @Test
    void daysHeldBeforeTheApprovalAreRefundedNothing() {
        Refund refund = Refund.under(OU_2024, days(2, 10_000, 0))
                .withoutDays(List.of(LocalDate.of(2027, 1, 4)), "held before the approval");

        assertEquals(700_000, refund.refundOre());
        assertEquals("held-before-approval", refund.lines().get(0).rule());
    }

    @Test
    void aStudyFeeOf12000ForOnePersonInOneSemesterCounts10000() {
        Refund refund = Refund.under(OU_2024_V2, new Basis(List.of(), List.of(),
                List.of(new Basis.StudyFee("Kari", LocalDate.of(2027, 2, 1), 1_200_000))));

        assertEquals(1_000_000, refund.refundOre());
        assertEquals(1_200_000, refund.costOre());
        Line line = refund.lines().get(0);
        assertEquals("study-fee", line.kind());
        assertEquals("study-fee-cap", line.rule());
        assertEquals(LocalDate.of(2027, 1, 1), line.date());
        assertEquals("Counted up to 10,000 kr per person per semester (1 Jan–30 Jun 2027)", line.explanation());
    }

    @Test
    void aPersonsStudyFeesShareTheCapWithinASemesterAndEachSemesterHasItsOwn() {
        Refund refund = Refund.under(OU_2024_V2, new Basis(List.of(), List.of(), List.of(
                new Basis.StudyFee("Kari", LocalDate.of(2027, 1, 10), 600_000),
                new Basis.StudyFee("Kari", LocalDate.of(2027, 6, 30), 600_000),
                new Basis.StudyFee("Kari", LocalDate.of(2027, 7, 1), 600_000),
                new Basis.StudyFee("Ola", LocalDate.of(2027, 3, 1), 900_000),
                new Basis.StudyFee(null, LocalDate.of(2027, 3, 1), 999_999),
                new Basis.StudyFee(null, LocalDate.of(2027, 3, 1), 1_000_001))));

        assertEquals(List.of(600_000L, 400_000L, 600_000L, 900_000L, 999_999L, 1_000_000L),
                refund.lines().stream().map(Line::refundOre).toList());
        assertEquals(600_000 + 400_000 + 600_000 + 900_000 + 999_999 + 1_000_000, refund.refundOre());
        assertEquals("Counted up to 10,000 kr per person per semester (1 Jan–30 Jun 2027); 6,000 kr counted already in the semester",
                refund.lines().get(1).explanation());
        assertEquals(LocalDate.of(2027, 7, 1), refund.lines().get(2).date());
    }

    @Test
    void studyFeesAreTakenOnlyByAVersionWithTheirCap() {
        Basis basis = new Basis(List.of(), List.of(), List.of(new Basis.StudyFee(null, LocalDate.of(2027, 2, 1), 100)));

        assertNull(OU_2024_V2.cannotTake(basis));
        assertNull(NONE.cannotTake(basis));
        assertEquals("studyFees", OU_2024.cannotTake(basis)[0]);
        assertEquals("studyFees", LED_2018.cannotTake(basis)[0]);
        assertEquals("studyFees", DK_KOMPETENCEFOND.cannotTake(basis)[0]);
        assertEquals(0, Refund.under(NONE, basis).refundOre());
    }
}
