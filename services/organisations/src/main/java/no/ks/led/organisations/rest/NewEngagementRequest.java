package no.ks.led.organisations.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An owner's request to engage a consultancy, or one named consultant of it, for a period. */
public record NewEngagementRequest(
        @NotBlank @Size(max = 63) String consultancyId,
        @Pattern(regexp = Fields.UUID_PATTERN, message = Fields.UUID_MESSAGE) String consultantPersonId,
        @Size(max = 500) List<@NotNull @Pattern(regexp = Fields.UUID_PATTERN, message = Fields.UUID_MESSAGE) String> schoolIds,
        @NotBlank @Pattern(regexp = Fields.DATE_PATTERN, message = Fields.DATE_MESSAGE) String startsOn,
        @Pattern(regexp = Fields.DATE_PATTERN, message = Fields.DATE_MESSAGE) String endsOn) {
}
