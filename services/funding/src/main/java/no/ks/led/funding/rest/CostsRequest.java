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

    static List<Basis.Day> days(List<Day> days) {
        return days == null ? List.of() : days.stream().map(Day::toBasis).toList();
    }
}
