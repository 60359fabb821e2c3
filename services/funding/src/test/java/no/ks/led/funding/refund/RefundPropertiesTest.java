package no.ks.led.funding.refund;

import static no.ks.led.funding.refund.PolicyExamples.LED_2018;
import static no.ks.led.funding.refund.PolicyExamples.OU_2024;
import static no.ks.led.funding.refund.PolicyExamples.OU_2024_V2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Check 8: no refund exceeds the actual costs or any cap, and Led 2018's assignment is never beaten. */
class RefundPropertiesTest {

    @Property(tries = 5000)
    void led2018IsNeverAboveCostsOrCaps(@ForAll("led2018Caps") PolicyRules rules, @ForAll("days") List<Basis.Day> days) {
        Refund refund = Refund.under(rules, new Basis(days, List.of()));

        assertTrue(refund.refundOre() <= refund.costOre(), "above the costs");
        long largestCap = rules.speakerCapsOre().stream().mapToLong(Long::longValue).max().orElse(0);
        for (Line line : refund.lines()) {
            assertTrue(line.refundOre() >= 0 && line.refundOre() <= line.costOre(), "a line above its cost: " + line);
            assertTrue(line.refundOre() <= largestCap, "a line above every cap: " + line);
        }
        Map<LocalDate, Long> perDay = refund.lines().stream()
                .collect(Collectors.groupingBy(Line::date, Collectors.summingLong(Line::refundOre)));
        perDay.values().forEach(total -> assertTrue(total <= rules.dayCapOre(), "a day above the day cap"));
        Map<LocalDate, Long> paidPerDay = refund.lines().stream().filter(l -> l.refundOre() > 0)
                .collect(Collectors.groupingBy(Line::date, Collectors.counting()));
        paidPerDay.values().forEach(count -> assertTrue(count <= rules.speakerCapsOre().size(), "more speakers paid than caps"));
        assertEquals(refund.refundOre(), refund.lines().stream().mapToLong(Line::refundOre).sum());
    }

    @Property(tries = 5000)
    void led2018IsNeverBeatenByAnyOtherAssignment(@ForAll("led2018Caps") PolicyRules rules,
            @ForAll("speakersOfADay") List<Long> costs) {
        List<Basis.SpeakerCost> speakers = new ArrayList<>();
        for (int i = 0; i < costs.size(); i++) {
            speakers.add(new Basis.SpeakerCost("S" + i, costs.get(i), 0, 0));
        }
        Refund refund = Refund.under(rules, new Basis(List.of(new Basis.Day(LocalDate.of(2027, 9, 15), speakers)), List.of()));

        long best = bestAssignment(costs, rules.speakerCapsOre(), new boolean[rules.speakerCapsOre().size()], 0);
        assertEquals(Math.min(best, rules.dayCapOre()), refund.refundOre());
    }

    @Property(tries = 3000)
    void ou2024IsNeverAboveCostsOrCaps(@ForAll("days") List<Basis.Day> days,
            @ForAll("participantFees") List<Long> participantFees) {
        Refund refund = Refund.under(OU_2024, new Basis(days,
                participantFees.stream().map(fee -> new Basis.ParticipantFee(null, null, fee)).toList()));

        assertTrue(refund.refundOre() <= refund.costOre(), "above the costs");
        for (Line line : refund.lines()) {
            assertTrue(line.refundOre() >= 0 && line.refundOre() <= line.countedOre(), "a line above what counts: " + line);
            if (line.kind().equals("speaker")) {
                assertTrue(line.countedOre() <= OU_2024.feeCapPerSpeakerDayOre(), "a fee above its cap: " + line);
            }
            if (line.kind().equals("participant-fee")) {
                assertTrue(line.refundOre() <= OU_2024.participantFeeCapOre(), "a participant above the cap: " + line);
            }
        }
        assertEquals(refund.refundOre(), refund.lines().stream().mapToLong(Line::refundOre).sum());
    }

    @Property(tries = 3000)
    void noStudyFeeRefundExceedsItsCapOrTheActualCost(@ForAll("studyFees") List<Basis.StudyFee> fees) {
        Refund refund = Refund.under(OU_2024_V2, new Basis(List.of(), List.of(), fees));

        long cap = OU_2024_V2.studyFeeCapPerSemesterOre();
        java.util.Map<String, Long> perPersonSemester = new java.util.HashMap<>();
        for (int i = 0; i < fees.size(); i++) {
            Basis.StudyFee fee = fees.get(i);
            Line line = refund.lines().get(i);
            assertTrue(line.refundOre() >= 0 && line.refundOre() <= fee.feeOre(), "above the actual cost: " + line);
            assertTrue(line.refundOre() <= cap, "above the cap: " + line);
            String key = (fee.person() == null ? "#" + i : fee.person()) + "|" + fee.semesterStart();
            perPersonSemester.merge(key, line.refundOre(), Long::sum);
        }
        perPersonSemester.forEach((key, total) -> assertTrue(total <= cap, "a person's semester above the cap: " + key));
        assertTrue(refund.refundOre() <= refund.costOre(), "above the costs");
        assertEquals(refund.refundOre(), refund.lines().stream().mapToLong(Line::refundOre).sum());
    }

    @Property(tries = 2000)
    void neitherPolicyBeatsItsOwnLimitsWhenAmountsAreHuge(@ForAll("hugeDays") List<Basis.Day> days) {
        Refund led = Refund.under(LED_2018, new Basis(days, List.of()));
        Refund ou = Refund.under(OU_2024, new Basis(days, List.of()));

        assertTrue(led.refundOre() <= days.size() * LED_2018.dayCapOre());
        assertTrue(ou.refundOre() <= ou.costOre());
    }

    /** The largest refund of any assignment of speakers to distinct caps (a speaker may get no cap), by brute force. */
    private static long bestAssignment(List<Long> costs, List<Long> caps, boolean[] taken, int speaker) {
        if (speaker == costs.size()) {
            return 0;
        }
        long best = bestAssignment(costs, caps, taken, speaker + 1);
        for (int c = 0; c < caps.size(); c++) {
            if (!taken[c]) {
                taken[c] = true;
                best = Math.max(best, Math.min(costs.get(speaker), caps.get(c)) + bestAssignment(costs, caps, taken, speaker + 1));
                taken[c] = false;
            }
        }
        return best;
    }

    @Provide
    Arbitrary<PolicyRules> led2018Caps() {
        Arbitrary<List<Long>> caps = Arbitraries.longs().between(0, 3_000_000).list().ofMinSize(1).ofMaxSize(5);
        Arbitrary<Long> dayCap = Arbitraries.longs().between(0, 10_000_000);
        return Arbitraries.oneOf(Arbitraries.just(LED_2018), Combinators.combine(caps, dayCap).as((c, d) -> new PolicyRules(
                PolicyRules.SPEAKER_CAPS, c, d, null, null, null, null, null, null, true, false, null, null)));
    }

    @Provide
    Arbitrary<List<Long>> speakersOfADay() {
        return Arbitraries.longs().between(0, 4_000_000).list().ofMinSize(0).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Long>> participantFees() {
        return Arbitraries.longs().between(0, 8_000_000).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Basis.StudyFee>> studyFees() {
        Arbitrary<String> person = Arbitraries.of("Kari", "Ola", "Per").injectNull(0.3);
        Arbitrary<LocalDate> date = Arbitraries.integers().between(0, 3 * 365).map(d -> LocalDate.of(2027, 1, 1).plusDays(d));
        Arbitrary<Long> fee = Arbitraries.longs().between(0, 3_000_000);
        return Combinators.combine(person, date, fee).as(Basis.StudyFee::new).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Basis.Day>> days() {
        return daysOf(Arbitraries.longs().between(0, 4_000_000));
    }

    @Provide
    Arbitrary<List<Basis.Day>> hugeDays() {
        return daysOf(Arbitraries.longs().between(0, PolicyRules.MAX_AMOUNT_ORE / 1000));
    }

    private static Arbitrary<List<Basis.Day>> daysOf(Arbitrary<Long> amounts) {
        Arbitrary<Basis.SpeakerCost> speaker = Combinators.combine(amounts, amounts, amounts)
                .as((fee, travel, vat) -> new Basis.SpeakerCost("S", fee, travel, vat));
        Arbitrary<List<Basis.SpeakerCost>> speakers = speaker.list().ofMaxSize(7);
        return speakers.list().ofMinSize(1).ofMaxSize(8).map(perDay -> {
            List<Basis.Day> days = new ArrayList<>();
            for (int i = 0; i < perDay.size(); i++) {
                days.add(new Basis.Day(LocalDate.of(2027, 1, 4).plusDays(i), perDay.get(i)));
            }
            return days;
        });
    }
}
