package no.ks.led.funding.refund;

import java.time.LocalDate;
import java.util.List;

/**
 * What a refund is computed from: the days with their speakers' costs, and the participants' fees (one per
 * person). Amounts in whole øre, excluding VAT; VAT is named apart and never counted.
 */
public record Basis(List<Day> days, List<ParticipantFee> participantFees) {

    /** One day of activities and the speakers or process leaders paid for it. */
    public record Day(LocalDate date, List<SpeakerCost> speakers) {
    }

    /** One speaker's costs for one day: fee, travel and accommodation, and the VAT on them (never refunded). */
    public record SpeakerCost(String name, long feeOre, long travelOre, long vatOre) {

        /** What the speaker costs the day, VAT excluded. */
        public long costOre() {
            return feeOre + travelOre;
        }
    }

    /**
     * One participant's fee; {@code person} tells people apart for a per-person cap over time (may be null when
     * each fee is a different person), {@code date} the course's start.
     */
    public record ParticipantFee(String person, LocalDate date, long feeOre) {
    }

    /** The number of distinct days. */
    public int dayCount() {
        return (int) days.stream().map(Day::date).distinct().count();
    }
}
