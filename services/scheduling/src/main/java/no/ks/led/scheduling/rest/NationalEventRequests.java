package no.ks.led.scheduling.rest;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.ks.led.scheduling.service.NationalEvents.EventDraft;

/** The bodies of the national event routes. */
public final class NationalEventRequests {

    private NationalEventRequests() {
    }

    /** A national event; times are local in the publishing country's zone. */
    public record NewNationalEvent(
            @NotNull(message = "is required") @Pattern(regexp = ActivityRequests.KIND,
                    message = "must be one of " + ActivityRequests.KIND) String kind,
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String title,
            @NotNull(message = "is required") LocalDateTime startsAt,
            @NotNull(message = "is required") LocalDateTime endsAt,
            @Size(max = 300, message = "must be at most 300 characters") String place,
            @Min(value = 1, message = "must be 1 or more") @Max(value = 100000, message = "must be at most 100000") Integer capacity,
            LocalDate signUpDeadline) {

        EventDraft draft() {
            return new EventDraft(kind, title, startsAt, endsAt, place, capacity, signUpDeadline);
        }
    }
}
