package no.ks.led.organisations.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** KS's request to register a consultancy. */
public record ConsultancyRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be 2-63 lower-case letters, digits or hyphens") String slug,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @ValidOrganisationNumber String organisationNumber) {
}
