package no.ks.led.organisations.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An owner's request to add a person to their tenant with one role. */
public record NewPersonRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 254) @Pattern(regexp = Fields.EMAIL_PATTERN, message = "must be an e-mail address") String email,
        @NotBlank @Pattern(regexp = Fields.TENANT_ROLE_PATTERN, message = Fields.TENANT_ROLE_MESSAGE) String role,
        @Pattern(regexp = Fields.UUID_PATTERN, message = Fields.UUID_MESSAGE) String schoolId,
        @Pattern(regexp = Fields.DATE_PATTERN, message = Fields.DATE_MESSAGE) String startsOn,
        @Pattern(regexp = Fields.DATE_PATTERN, message = Fields.DATE_MESSAGE) String endsOn,
        @Size(max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title) {
}
