package no.ks.led.scheduling.rest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The bodies of the activity routes. */
public final class ActivityRequests {

    static final String KIND = "introductory-course|dialogue-conference|leader-gathering|seminar|workshop|network-meeting|supervision|shadowing";
    static final String NOT_BLANK = "(?s).*\\S.*";

    private ActivityRequests() {
    }

    /** A new activity; times are local in the tenant's zone. */
    public record NewActivity(
            @NotNull(message = "is required") @Pattern(regexp = KIND, message = "must be one of " + KIND) String kind,
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String title,
            @NotNull(message = "is required") LocalDateTime startsAt,
            @NotNull(message = "is required") LocalDateTime endsAt,
            UUID programmeId,
            @Size(max = 300, message = "must be at most 300 characters") String place,
            @Size(max = 100, message = "must be at most 100 characters") String room,
            @Size(max = 200, message = "must name at most 200 schools") List<@NotNull(message = "must not be null") UUID> schoolIds,
            @Min(value = 1, message = "must be 1 or more") @Max(value = 100000, message = "must be at most 100000") Integer capacity,
            LocalDate signUpDeadline) {
    }

    /** A change of an activity (JSON merge patch): absent fields stay. */
    public record ActivityPatch(
            @Size(max = 200, message = "must be at most 200 characters") @Pattern(regexp = NOT_BLANK, message = "must not be blank") String title,
            LocalDateTime startsAt, LocalDateTime endsAt,
            @Size(max = 300, message = "must be at most 300 characters") String place,
            @Size(max = 100, message = "must be at most 100 characters") String room) {
    }

    /** Why an activity is cancelled (optional). */
    public record Cancellation(@Size(max = 1000, message = "must be at most 1000 characters") String reason) {
    }

    /** The coordinator's confirmation of a proposal, optionally at other times. */
    public record ProposalConfirmation(LocalDateTime startsAt, LocalDateTime endsAt) {
    }

    /** A speaker to book: fee and travel in øre (optional, 0 = unpaid), tentatively or firmly. */
    public record NewBooking(@NotNull(message = "is required") UUID speakerId,
            @PositiveOrZero(message = "must be 0 or more") @Max(value = 100_000_000_00L, message = "is too large") Long feeOre,
            @PositiveOrZero(message = "must be 0 or more") @Max(value = 100_000_000_00L, message = "is too large") Long travelOre,
            Boolean tentative) {
    }

    /** A sign-up, with what the caterer needs to know. */
    public record NewSignUp(@Size(max = 500, message = "must be at most 500 characters") String dietaryNeeds) {
    }

    /** Whether a signed-up person attended. */
    public record Attendance(@NotNull(message = "is required") Boolean attended) {
    }
}
