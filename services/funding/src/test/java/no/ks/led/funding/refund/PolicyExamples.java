package no.ks.led.funding.refund;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The first versions of the platform's policies as the issue and KS's pages state them, for the tests. */
final class PolicyExamples {

    static final PolicyRules LED_2018 = new PolicyRules(PolicyRules.SPEAKER_CAPS,
            List.of(1_600_000L, 1_600_000L, 800_000L, 800_000L), 4_800_000L, null, null, null, null, null, null, true,
            false, null, null);
    static final PolicyRules OU_2024 = new PolicyRules(PolicyRules.SHARE_OF_COSTS, null, null, 1_800_000L, 70, 2,
            3_500_000L, null, null, true, true, 5, List.of("958935420"));
    /** OU 2024 version 2: version 1 with study fees counted up to 10,000 kr per person per semester. */
    static final PolicyRules OU_2024_V2 = new PolicyRules(PolicyRules.SHARE_OF_COSTS, null, null, 1_800_000L, 70, 2,
            3_500_000L, null, null, true, true, 5, List.of("958935420"), 1_000_000L);
    static final PolicyRules DK_KOMPETENCEFOND = new PolicyRules(PolicyRules.PER_PERSON, null, null, null, 80, null,
            null, 3_000_000L, 12, true, false, null, null);
    static final PolicyRules NONE = new PolicyRules(PolicyRules.NONE, null, null, null, null, null, null, null, null,
            false, false, null, null);

    private PolicyExamples() {
    }

    static Basis.SpeakerCost speaker(String name, long kroner) {
        return new Basis.SpeakerCost(name, kroner * 100, 0, 0);
    }

    static Basis oneDay(Basis.SpeakerCost... speakers) {
        return new Basis(List.of(new Basis.Day(LocalDate.of(2027, 9, 15), List.of(speakers))), List.of());
    }

    static Basis days(int count, long feeKroner, long travelKronerFirstDay) {
        List<Basis.Day> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add(new Basis.Day(LocalDate.of(2027, 1, 4).plusDays(i),
                    List.of(new Basis.SpeakerCost("Prosessleder", feeKroner * 100, i == 0 ? travelKronerFirstDay * 100 : 0, 0))));
        }
        return new Basis(days, List.of());
    }
}
