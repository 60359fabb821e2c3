package no.ks.led.web.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A claim to build: the approved application, the owner's numbers and the actual costs per day and speaker (øre). */
public record NewClaim(UUID applicationId, String organisationNumber, String accountNumber, List<Day> days) {

    /** One day's speakers. */
    public record Day(LocalDate date, List<Speaker> speakers) {
    }

    /** One speaker's actual fee and travel for the day, excluding VAT. */
    public record Speaker(String name, long feeOre, long travelOre) {
    }
}
