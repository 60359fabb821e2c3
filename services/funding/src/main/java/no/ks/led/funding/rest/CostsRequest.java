package no.ks.led.funding.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import no.ks.led.funding.refund.Basis;

/** Days with their speakers' costs, in whole øre excluding VAT, as requests carry them. */
public final class CostsRequest {

    /** Ten billion kroner: no larger amount is taken, so no sum overflows. */
    static final long MAX_ORE = 1_000_000_000_000L;

    private CostsRequest() {
    }

    /** One day and the speakers or process leaders paid for it. */
    public record Day(@NotNull(message = "is required") LocalDate date,
            @NotNull(message = "is required") @Size(max = 50, message = "must be at most 50 speakers")
            List<@NotNull(message = "must not be null") @Valid Speaker> speakers) {

        Basis.Day toBasis() {
            return new Basis.Day(date, speakers.stream().map(Speaker::toBasis).toList());
        }
    }

    /** One speaker's fee and travel for the day; VAT (optional) is shown and never counted. */
    public record Speaker(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
            @NotNull(message = "is required") @PositiveOrZero(message = "must be 0 or more") @Max(value = MAX_ORE, message = "is too large") Long feeOre,
            @NotNull(message = "is required") @PositiveOrZero(message = "must be 0 or more") @Max(value = MAX_ORE, message = "is too large") Long travelOre,
            @PositiveOrZero(message = "must be 0 or more") @Max(value = MAX_ORE, message = "is too large") Long vatOre) {

        Basis.SpeakerCost toBasis() {
            return new Basis.SpeakerCost(name.strip(), feeOre, travelOre, vatOre == null ? 0 : vatOre);
        }
    }

    /** One person's study fee for a semester: any day of it names it (1 Jan–30 Jun, 1 Jul–31 Dec). */
    public record StudyFee(
            @Size(max = 200, message = "must be at most 200 characters") String person,
            @NotNull(message = "is required") LocalDate date,
            @NotNull(message = "is required") @PositiveOrZero(message = "must be 0 or more") @Max(value = MAX_ORE, message = "is too large") Long feeOre) {

        Basis.StudyFee toBasis() {
            return new Basis.StudyFee(person == null || person.isBlank() ? null : person.strip(), date, feeOre);
        }
    }

    /** A cost the fund never refunds, sent to be shown as not eligible: its kind, a description, the amount. */
    public record OtherCost(
            @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String kind,
            @Size(max = 200, message = "must be at most 200 characters") String description,
            @NotNull(message = "is required") @PositiveOrZero(message = "must be 0 or more") @Max(value = MAX_ORE, message = "is too large") Long amountOre) {

        Basis.OtherCost toBasis() {
            return new Basis.OtherCost(kind, description == null ? null : description.strip(), amountOre);
        }
    }

    static List<Basis.OtherCost> otherCosts(List<OtherCost> costs) {
        return costs == null ? List.of() : costs.stream().map(OtherCost::toBasis).toList();
    }

    static List<Basis.StudyFee> studyFees(List<StudyFee> fees) {
        return fees == null ? List.of() : fees.stream().map(StudyFee::toBasis).toList();
    }

    static List<Basis.Day> days(List<Day> days) {
        return days == null ? List.of() : days.stream().map(Day::toBasis).toList();
    }
}
