package no.ks.led.organisations.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** KS's request to add a consultant to a consultancy. */
public record NewConsultantRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 254) @Pattern(regexp = Fields.EMAIL_PATTERN, message = "must be an e-mail address") String email) {
}
