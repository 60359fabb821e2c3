package no.ks.led.programmes.plan;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.ks.led.programmes.ActivityKind;
import no.ks.led.programmes.EntryKind;

/**
 * One change to a local plan: a written entry, a measure, a participant or an activity (exactly one). The
 * owner makes them directly; a consultant proposes them.
 */
public record PlanChange(@Valid NewEntry entry, @Valid NewMeasure measure, @Valid NewParticipant participant,
        @Valid NewActivity activity) {

    /** An entry of one of the three phases; its kind says which. */
    public record NewEntry(@NotNull(message = "must be note, future-picture, goal, theme or module") EntryKind kind,
            UUID schoolId,
            @NotBlank(message = "must not be blank") @Size(max = 5000, message = "must be at most 5000 characters") String text) {
    }

    /** A measure with the person responsible (by role or name) and a due date in the tenant's zone. */
    public record NewMeasure(@NotBlank(message = "must not be blank") @Size(max = 500, message = "must be at most 500 characters") String title,
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String responsible,
            @NotNull(message = "must be a date") LocalDate dueOn,
            UUID schoolId) {
    }

    /** A participant of a track: a school, a role, a named person, or a combination (at least one). */
    public record NewParticipant(@NotBlank(message = "must not be blank") @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,62}$", message = "must be a track's code") String track,
            UUID schoolId,
            @Size(max = 100, message = "must be at most 100 characters") String role,
            @Size(max = 200, message = "must be at most 200 characters") String name) {

        @JsonIgnore
        @AssertTrue(message = "a participant names a school, a role or a person")
        public boolean isNamed() {
            return schoolId != null || (role != null && !role.isBlank()) || (name != null && !name.isBlank());
        }
    }

    /** An activity with its dates in the tenant's zone; without an end it lasts one day. */
    public record NewActivity(@NotNull(message = "must be a kind of activity") ActivityKind kind,
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String title,
            @NotNull(message = "must be a date") LocalDate startsOn,
            LocalDate endsOn,
            @Size(max = 200, message = "must be at most 200 characters") String place) {

        @JsonIgnore
        @AssertTrue(message = "must not be before startsOn")
        public boolean isEndsOnValid() {
            return endsOn == null || startsOn == null || !endsOn.isBefore(startsOn);
        }
    }

    @JsonIgnore
    @AssertTrue(message = "a change is exactly one of entry, measure, participant and activity")
    public boolean isOneChange() {
        int n = (entry != null ? 1 : 0) + (measure != null ? 1 : 0) + (participant != null ? 1 : 0) + (activity != null ? 1 : 0);
        return n == 1;
    }

    /** The school the change is about, if any. */
    public UUID schoolId() {
        if (entry != null) {
            return entry.schoolId();
        }
        if (measure != null) {
            return measure.schoolId();
        }
        return participant != null ? participant.schoolId() : null;
    }
}
