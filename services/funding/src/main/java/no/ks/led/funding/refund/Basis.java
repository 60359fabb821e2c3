package no.ks.led.funding.refund;

import java.time.LocalDate;
import java.util.List;

/**
 * What a refund is computed from: the days with their speakers' costs, the participants' fees (one per person) and
 * study fees (per person and semester). Amounts in whole øre, excluding VAT; VAT is named apart and never counted.
 */
public record Basis(List<Day> days, List<ParticipantFee> participantFees, List<StudyFee> studyFees,
        List<OtherCost> otherCosts) {

    /** A basis without study fees or other costs. */
    public Basis(List<Day> days, List<ParticipantFee> participantFees) {
        this(days, participantFees, List.of(), List.of());
    }

    /** A basis without other costs. */
    public Basis(List<Day> days, List<ParticipantFee> participantFees, List<StudyFee> studyFees) {
        this(days, participantFees, studyFees, List.of());
    }

    /**
     * A cost no policy refunds (venue hire, participants' board and lodging, materials, substitutes, salaries, travel
     * time): shown, counted 0.
     */
    public record OtherCost(String kind, String description, long amountOre) {
    }

    /**
     * One person's study fee for a semester; {@code person} tells people apart (null: a person of their own),
     * {@code date} any day of the semester.
     */
    public record StudyFee(String person, LocalDate date, long feeOre) {

        /** The first day of the semester the fee is for: 1 January or 1 July. */
        public LocalDate semesterStart() {
            return LocalDate.of(date.getYear(), date.getMonthValue() <= 6 ? 1 : 7, 1);
        }

        /** The semester for explanations: {@code 1 Jan–30 Jun 2027} or {@code 1 Jul–31 Dec 2027}. */
        public String semester() {
            return (date.getMonthValue() <= 6 ? "1 Jan–30 Jun " : "1 Jul–31 Dec ") + date.getYear();
        }
    }

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
